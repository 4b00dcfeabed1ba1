package io.actmix.experiments.report;

import java.util.List;

/** The section that says what each test of the report assumes, and what it does not show. */
final class Assumptions {

  private Assumptions() {}

  static void write(ReportDocument document) {
    document.heading(2, "What the tests assume");
    document.bullets(
        List.of(
            "**Nested selection** chooses each fold's configuration by the loss on the inner"
                + " validation split (1/9 of the fold's training rows, the split early stopping"
                + " uses); the test fold is read once, for the metrics reported. Selection on test"
                + " is shown only to measure how much it would flatter each model.",
            "**Friedman** ranks the models within each fold and asks whether the mean ranks differ"
                + " more than chance: it assumes the folds are independent blocks and the models"
                + " exchangeable under the null hypothesis. Iman and Davenport's F is its less"
                + " conservative form (Demšar 2006).",
            "**Nemenyi's critical difference** (Demšar 2006): two models whose mean ranks differ by"
                + " more than CD = q_α √(k(k+1)/(6N)) differ at level α, all pairs at once; same"
                + " assumptions as Friedman, and conservative.",
            "**Wilcoxon's signed-rank test** compares ActMix with one model, fold by fold: it"
                + " assumes the paired differences are independent and symmetric about their"
                + " median, not that they are normal. **Holm's** step-down correction keeps the"
                + " family-wise error of the comparisons with ActMix at α, whatever their"
                + " dependence.",
            "**Nadeau and Bengio's corrected resampled t-test** (2003), shown when a study repeats"
                + " its cross-validation with several seeds, inflates the variance of the mean"
                + " difference by the test/train ratio for the overlap of training sets, which the"
                + " other tests ignore.",
            "Folds of one cross-validation share most of their training rows, so no test here sees"
                + " truly independent samples: read small p-values as evidence, not proof, and"
                + " differences smaller than a standard error of the mean as ties."));
  }
}
