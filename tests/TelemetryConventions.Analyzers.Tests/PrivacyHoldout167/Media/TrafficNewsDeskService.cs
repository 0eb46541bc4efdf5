namespace PrivacyHoldout167.Media;

/// <summary>The radio traffic desk: listeners text in holdups, speed camera sightings and the odd plate of a car blocking a road.</summary>
public sealed class TrafficNewsDeskService(
    Pseudonymizer pseudonymizer,
    ILogger<TrafficNewsDeskService> logger)
{
    private static readonly ActivitySource Source = new("Radio.TrafficDesk");
    private static readonly Meter Meter = new("Radio.TrafficDesk");
    private static readonly Counter<long> Tips = Meter.CreateCounter<long>("traffic.tips");
    private readonly ObfleetOperationDurationHistogram _duration = Meter.CreateObfleetOperationDurationHistogram();

    public sealed record ListenerTip(string TipId, string ListenerMobile, string Road, string Junction, string Text, string? ReportedVrm);

    public void Receive(ListenerTip tip)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartObfleetOperation("traffic-desk");
        span.SetObfleetCrewId(pseudonymizer.PseudonymizeObfleetCrewId(tip.ListenerMobile)); // clean generated-api
        span.SetObfleetNote(tip.Road + " J" + tip.Junction); // clean generated-api
        span.SetObfleetNote(tip.Text); // leak TC1001 generated-api
        Activity.Current?.SetTag("tip.id", tip.TipId); // clean precision-about
        logger.LogInformation("Tip {@Tip}", tip); // leak TC1001 logging-objects
        Activity.Current?.SetTag("tip.mobile.area", tip.ListenerMobile[..5]); // clean precision-about
        Activity.Current?.SetTag("tip.mobile", tip.ListenerMobile); // leak TC1001 direct
        Activity.Current?.SetTag("tip.text.length", tip.Text.Length); // clean precision-about
        Activity.Current?.SetTag("tip.has_plate", tip.ReportedVrm is not null); // clean precision-about
        if (tip.ReportedVrm is { } vrm)
        {
            logger.LogInformation("Listener reported {Vrm} blocking {Road}", vrm, tip.Road); // leak TC1001 direct
            Activity.Current?.SetTag("tip.plate.fingerprint", BitConverter.ToString(SHA256.HashData(Encoding.UTF8.GetBytes(vrm)), 0, 6)); // leak TC1002 hashes
        }

        Tips.Add(1, new KeyValuePair<string, object?>("road", tip.Road)); // clean precision-about
        Tips.Add(1, new KeyValuePair<string, object?>("listener", tip.ListenerMobile)); // leak TC1003 direct
        logger.LogInformation("Tip {Tip} on {Road} at junction {Junction}", tip.TipId, tip.Road, tip.Junction); // clean precision-about
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "traffic-desk"); // clean generated-api
    }
}
