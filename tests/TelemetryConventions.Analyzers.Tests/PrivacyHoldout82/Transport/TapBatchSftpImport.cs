namespace PrivacyHoldout82.Transport;

public sealed record Tap(string CardNumber, string DeviceId, string StopCode, DateTime At, string ProductCode, int FarePence);

/// <summary>
/// Imports the taps the legacy ticketing back office drops on the SFTP server every hour as
/// <c>TAPS_{depot}_{yyyyMMddHH}.csv</c> (pipe-delimited: record type, card number, gate device, stop,
/// timestamp, product, fare). Record types: "T" tap, "D" denied tap with a reason code, "Z" trailer.
/// </summary>
public sealed class TapBatchSftpImport(ISftpClient sftp, ActivitySource source, Meter meter, Pseudonymizer pseudonymizer, ILogger<TapBatchSftpImport> logger)
{
    private static readonly Dictionary<string, string> DenyReasons = new() { ["D01"] = "insufficient-funds", ["D02"] = "hotlisted", ["D07"] = "expired-product" };

    private readonly Counter<long> _denied = meter.CreateCounter<long>("ticketing.taps.denied");
    private readonly List<string> _hotlistHits = [];

    public async Task ImportAsync(string depot, DateTime hour, CancellationToken cancellationToken)
    {
        var name = $"TAPS_{depot}_{hour:yyyyMMddHH}.csv";
        using var batch = source.StartTicketbridgeBatch(name); // clean precision-about
        var lines = await sftp.ReadAllLinesAsync("/tbo/out/" + name, cancellationToken);
        var taps = 0;
        foreach (var line in lines)
        {
            var fields = line.Split('|');
            switch (fields[0])
            {
                case "T":
                    taps++;
                    break;
                case "D":
                    var reason = DenyReasons.GetValueOrDefault(fields[7], "unknown");
                    _denied.Add(1, new KeyValuePair<string, object?>("reason", reason), new KeyValuePair<string, object?>("device", fields[2])); // clean precision-about
                    if (reason == "hotlisted")
                    {
                        _hotlistHits.Add(fields[1]);
                        using var cardScope = logger.BeginScope("Hotlisted card {Card}", fields[1]); // leak TC1001 direct
                        logger.LogWarning("Hotlisted card tapped at {Device} ({Stop}): {Line}", fields[2], fields[3], line); // leak TC1001 strings
                        logger.LogTicketbridgeTranslationRejectedEvent("D", fields[7], ticketbridgeRiderId: pseudonymizer.PseudonymizeTicketbridgeRiderId(fields[1])); // clean precision-pseudonym
                    }
                    break;
                case "Z":
                    batch.SetTicketbridgeRecordCount(int.Parse(fields[1], CultureInfo.InvariantCulture)); // clean precision-about
                    break;
                default:
                    logger.LogWarning("Unknown record type {RecordType} in {File}", fields[0], name); // clean precision-about
                    break;
            }
        }

        batch.SetTicketbridgeLegacySystem("tbo-legacy").SetTicketbridgeOutcome(taps > 0 ? "imported" : "empty"); // clean precision-about
        logger.LogInformation("{File}: {Taps} taps, {Hotlist} hotlist hits", name, taps, _hotlistHits.Count); // clean precision-about
        if (_hotlistHits.Count > 0)
        {
            batch.SetTicketbridgeNote("hotlisted: " + string.Join(",", _hotlistHits)); // leak TC1001 generated-api
            Activity.Current?.AddEvent(new ActivityEvent("tbo.hotlist", tags: new ActivityTagsCollection { ["cards"] = _hotlistHits.ToArray() })); // leak TC1001 cross-member
        }
    }
}
