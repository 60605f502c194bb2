/// One step of a ``FeatureRecipe``, as the user typed it (`transform …`, `scale …`).
public enum FeatureStep: Sendable, Equatable {
  /// A per-column transform of some feature columns.
  case transform(Transform, columns: [String])
  /// Scaling of every feature column.
  case scale(Scaling)

  /// Per-column transforms.
  public enum Transform: Sendable, Equatable {
    /// log(1 + x); requires x > −1.
    case log1p
    /// log10(x); requires x > 0.
    case log10
    /// √x; requires x ≥ 0.
    case sqrt
    /// Clip to the p and 1−p quantiles (linear interpolation, numpy's default), 0 ≤ p < 0.5.
    case winsorize(p: Double)
    /// Replace a categorical column by one 0/1 indicator column per level (`col=level`), levels in sorted order.
    case onehot

    /// The name used in the command language.
    public var name: String {
      switch self {
      case .log1p: "log1p"
      case .log10: "log10"
      case .sqrt: "sqrt"
      case .winsorize: "winsorize"
      case .onehot: "onehot"
      }
    }
  }

  /// Column scalings.
  public enum Scaling: Sendable, Equatable {
    /// (x − mean) / sd; ddof 0 is scikit-learn's StandardScaler, ddof 1 is R's `scale()`.
    case zscore(ddof: Int)
    /// (x − median) / IQR (scikit-learn's RobustScaler with quantile range 25–75).
    case robust
    /// (x − min) / (max − min).
    case minmax

    /// The name used in the command language, with its option.
    public var description: String {
      switch self {
      case .zscore(let ddof): "zscore ddof=\(ddof)"
      case .robust: "robust"
      case .minmax: "minmax"
      }
    }
  }
}

/// What to do with missing values in the selected features.
public enum MissingPolicy: Sendable, Equatable {
  /// Drop rows with any missing feature value.
  case drop
  /// Replace missing values by the column mean.
  case imputeMean
  /// Replace missing values by the column median.
  case imputeMedian

  /// The name used in the command language.
  public var name: String {
    switch self {
    case .drop: "drop"
    case .imputeMean: "impute mean"
    case .imputeMedian: "impute median"
    }
  }
}
