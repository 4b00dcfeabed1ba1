package io.actmix.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The order in which {@code bench} runs its models each round. */
class BenchCommandTest {

  @Test
  void roundOrder_anyRound_isAPermutationOfTheModels() {
    for (int round = -5; round < 20; round++) {
      Set<Integer> models = new HashSet<>(BenchCommand.roundOrder(round, 4));

      assertEquals(Set.of(0, 1, 2, 3), models, "round " + round);
    }
  }

  @Test
  void roundOrder_sameRound_sameOrderEveryTime() {
    assertEquals(BenchCommand.roundOrder(7, 4), BenchCommand.roundOrder(7, 4));
  }

  @Test
  void roundOrder_overTwentyRounds_everyModelRunsLastInSomeRound() {
    // A fixed order would leave the same model in the same place every round.
    Set<Integer> last =
        IntStream.range(0, 20)
            .mapToObj(round -> BenchCommand.roundOrder(round, 4))
            .map(order -> order.get(order.size() - 1))
            .collect(Collectors.toSet());

    assertEquals(Set.of(0, 1, 2, 3), last);
  }

  @Test
  void roundOrder_oneModel_runsAlone() {
    assertEquals(List.of(0), BenchCommand.roundOrder(3, 1));
  }
}
