namespace PrivacyHoldout80.Retail;

/// <summary>A scan on a lane: a product barcode (EAN-13), a coupon, or a loyalty card (<c>LC</c> and the member number).</summary>
public sealed record LaneScan(int Lane, string Symbology, string Data, DateTimeOffset At)
{
    public bool IsLoyalty => Data.StartsWith("LC", StringComparison.Ordinal);
}

/// <summary>Reads the lane scanners' newline-terminated serial output through a <see cref="PipeReader"/>.</summary>
public sealed partial class LaneScannerPipe(ILogger<LaneScannerPipe> logger, Pseudonymizer pseudonymizer, KeyedShards shards, Meter meter)
{
    private readonly Counter<long> _scans = meter.CreateCounter<long>("tillwire.lane.scans", "{scan}");
    private readonly List<LaneScan> _loyaltyScans = new();

    public async Task RunAsync(string terminalId, int lane, PipeReader reader, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var result = await reader.ReadAsync(cancellationToken);
            var buffer = result.Buffer;
            while (buffer.PositionOf((byte)'\n') is { } end)
            {
                var line = buffer.Slice(0, end);
                OnLine(terminalId, lane, Encoding.ASCII.GetString(line).TrimEnd('\r'));
                buffer = buffer.Slice(buffer.GetPosition(1, end));
            }
            reader.AdvanceTo(buffer.Start, buffer.End);
            if (result.IsCompleted)
            {
                break;
            }
        }
    }

    private void OnLine(string terminalId, int lane, string line)
    {
        var scan = new LaneScan(lane, line[..2], line[3..], DateTimeOffset.UtcNow);
        _scans.Add(1, new KeyValuePair<string, object?>("symbology", scan.Symbology), new KeyValuePair<string, object?>("loyalty", scan.IsLoyalty)); // clean precision-about
        if (!scan.IsLoyalty)
        {
            logger.LogTrace("Lane {Lane} scanned {Symbology} {Barcode}", lane, scan.Symbology, scan.Data); // clean precision-about
            return;
        }

        var member = scan.Data[2..];
        _loyaltyScans.Add(scan);
        Activity.Current.EnrichTillwireFrameDecode(terminalId).SetTillwireCustomerId(pseudonymizer.PseudonymizeTillwireCustomerId(member)); // clean precision-pseudonym
        Activity.Current?.SetTag("tillwire.loyalty.shard", shards.ShardOf(member, 16)); // clean precision-about
        Activity.Current?.SetBaggage("loyalty.member", member); // leak TC1001 direct
        logger.LogTillwireFrameRejectedEvent(terminalId, "loyalty:unknown", tillwireNote: $"lane {lane} scanned member {member}"); // leak TC1001 generated-api
        logger.LogTillwireFrameRejectedEvent(terminalId, "loyalty:unknown", tillwireNote: $"lane {lane} scanned a {member.Length}-digit member card"); // clean precision-about
        if (member.Length != 11)
        {
            var error = new FieldDecodeException("loyalty", member);
            logger.LogWarning(error, "Lane {Lane}: unreadable loyalty card", lane); // leak TC1001 exceptions
            Activity.Current?.SetTag("exception.type", error.GetType().Name); // clean exceptions
        }
        logger.LogInformation("Loyalty scan {Scan}", scan); // leak TC1001 logging-objects
    }

    public void EndOfShift(string terminalId)
    {
        logger.LogInformation("Terminal {Terminal}: {Count} loyalty scans this shift", terminalId, _loyaltyScans.Count); // clean precision-about
        logger.LogInformation("Members seen this shift: {Members}", string.Join(",", _loyaltyScans.Select(s => s.Data))); // leak TC1001 cross-member
        _loyaltyScans.Clear();
    }
}
