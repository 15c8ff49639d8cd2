package dev.synwarm.experiment;

import dev.synwarm.measure.RunManifest.LinkCalibration;
import dev.synwarm.measure.TimelineRow;
import dev.synwarm.stats.Sample;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** run.json's link check: per emulated link, the measured median TCP connect (one RTT) against 2 × one-way. */
final class LinkCalibrations {
    private LinkCalibrations() {}

    static List<LinkCalibration> of(List<TimelineRow> rows) {
        Map<List<Double>, List<TimelineRow>> byLink = rows.stream().filter(r -> r.tConnectDoneNs() != null)
                .collect(Collectors.groupingBy(r -> List.of(r.oneWayMs(), r.jitterMs(), r.lossPct()), LinkedHashMap::new,
                        Collectors.toList()));
        List<LinkCalibration> out = new ArrayList<>();
        byLink.forEach((k, rs) -> {
            Sample connect = Sample.of(rs.stream().mapToDouble(TimelineRow::connectMs).toArray());
            double expected = 2 * k.get(0);
            out.add(new LinkCalibration(k.get(0), k.get(1), k.get(2), expected, connect.n(), connect.median(),
                    connect.median() - expected));
        });
        out.sort(Comparator.comparingDouble(LinkCalibration::oneWayMs));
        return out;
    }
}
