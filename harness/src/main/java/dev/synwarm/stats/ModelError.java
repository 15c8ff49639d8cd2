package dev.synwarm.stats;

/** How well the model predicts one mode over all cells: mean absolute percentage error (0.05 = 5 %). */
public record ModelError(String mode, int cells, double mape, double maxAbsoluteRelativeError) {}
