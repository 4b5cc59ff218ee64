package dev.portico.store;

/** STO-1's fixed list of store categories, with the words the store shows. */
public enum StoreCategory {
  ANALYSIS_SIMULATION("Analysis & Simulation"),
  CAM("CAM"),
  COMMUNICATION("Communication"),
  CONTENT("Content"),
  DATA_EXCHANGE("Data Exchange"),
  DATA_MANAGEMENT("Data Management"),
  DOCUMENTATION("Documentation"),
  EDUCATION("Education"),
  RENDERING("Rendering"),
  UTILITIES("Utilities");

  private final String label;

  StoreCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
