import SegmentaCore

/// The fixed words of the segment handbook in English or German (`set language`).
struct ReportWords {
  let title, overview, dataset, rows, features, method, noise, withinSS, segment, customers, share: String
  let profiles, profileNote, feature, segmentMean, overallMean, difference, plots, criteria, preprocessing: String
  let journey, data, source, fingerprint, shape, session: String

  init(_ language: RuleText.Language) {
    let de = language == .de
    title = de ? "Segment-Handbuch: " : "Segment handbook: "
    overview = de ? "Überblick" : "Overview"
    dataset = de ? "Datensatz" : "dataset"
    rows = de ? "Zeilen" : "rows"
    features = de ? "Merkmale" : "features"
    method = de ? "Verfahren" : "method"
    noise = de ? "Rauschen" : "noise"
    withinSS = de ? "Streuung innerhalb" : "within-segment sum of squares"
    segment = "Segment"
    customers = de ? "Kunden" : "Customers"
    share = de ? "Anteil" : "Share"
    profiles = de ? "Profile" : "Profiles"
    profileNote =
      de
      ? "Mittelwerte in Originaleinheiten; Differenz = (Segmentmittel − Gesamtmittel) ÷ Gesamt-Standardabweichung."
      : "Means in original units; difference = (segment mean − overall mean) ÷ overall standard deviation."
    feature = de ? "Merkmal" : "Feature"
    segmentMean = de ? "Segmentmittel" : "Segment mean"
    overallMean = de ? "Gesamtmittel" : "Overall mean"
    difference = de ? "Std.-Differenz" : "Std. difference"
    plots = de ? "Grafiken" : "Plots"
    criteria = de ? "Zuordnungskriterien" : "Assignment criteria"
    preprocessing = de ? "Vorverarbeitung" : "Preprocessing"
    journey = de ? "Maßnahmen entlang der Customer Journey" : "Actions along the customer journey"
    data = de ? "Daten" : "Data"
    source = de ? "Quelle" : "source"
    fingerprint = "fingerprint"
    shape = de ? "Zeilen × Spalten" : "rows × columns"
    session = de ? "Sitzung" : "Session"
  }
}
