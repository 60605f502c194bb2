print("segmenta")
