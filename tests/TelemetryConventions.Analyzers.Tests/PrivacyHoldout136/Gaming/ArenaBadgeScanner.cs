namespace PrivacyHoldout136.Gaming;

public sealed record BadgeScan(string ScannerId, string BadgeNumber, Guid PlayerId, string Gamertag, string Tier, DateTimeOffset ScannedAt);

/// <summary>Scans attendees' and players' event badges at the esports arena's gates and the players' green room.</summary>
public sealed class ArenaBadgeScanner(ILogger<ArenaBadgeScanner> logger, ActivitySource activitySource, Meter meter, Pseudonymizer pseudonymizer)
{
    private readonly ArenagateEntriesCounter _entries = meter.CreateArenagateEntriesCounter();
    private readonly HashSet<string> _insideGreenRoom = new();

    public bool Scan(BadgeScan scan, string gate)
    {
        using var span = activitySource.StartArenagateAccess("arena-north");
        span.SetArenagateDevice(scan.ScannerId).SetArenagateZone(gate); // clean precision-names
        span.SetArenagateHolderId(pseudonymizer.PseudonymizeArenagateHolderId(scan.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("arena.badge.tier", scan.Tier); // clean precision-names
        span.Activity?.SetTag("arena.badge.number", scan.BadgeNumber); // leak TC1001 direct
        span.Activity?.SetTag("arena.scan.summary", $"{scan.Gamertag}@{gate}"); // leak TC1001 strings

        if (gate == "green-room")
        {
            if (scan.Tier != "player")
            {
                logger.LogWarning("Green room refused for {Gamertag}", scan.Gamertag); // leak TC1001 direct
                _entries.Add(1, "arena-north", arenagateOutcome: "green-room-refused"); // clean generated-api
                return false;
            }

            _insideGreenRoom.Add(scan.Gamertag);
        }

        _entries.Add(1, "arena-north", arenagateOutcome: scan.Tier); // clean generated-api
        _entries.Add(1, "arena-north", arenagateOutcome: scan.PlayerId.ToString()); // leak TC1003 generated-api
        _entries.Instrument.Add(0, new KeyValuePair<string, object?>("arenagate.holder.id", pseudonymizer.PseudonymizeArenagateHolderId(scan.PlayerId.ToString()).ToString())); // leak TC1003 precision-pseudonym
        logger.LogInformation("Badge scanned {@Scan}", scan); // leak TC1001 logging-objects
        return true;
    }

    public void ReportGreenRoom()
    {
        Activity.Current?.SetTag("arena.green_room.count", _insideGreenRoom.Count); // clean precision-about
        Activity.Current?.SetTag("arena.green_room.players", string.Join(";", _insideGreenRoom)); // leak TC1001 cross-member
        var cohort = (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(_insideGreenRoom.FirstOrDefault() ?? "")), 0) % 10);
        Activity.Current?.SetTag("arena.green_room.cohort", cohort); // leak TC1002 hashes
    }
}
