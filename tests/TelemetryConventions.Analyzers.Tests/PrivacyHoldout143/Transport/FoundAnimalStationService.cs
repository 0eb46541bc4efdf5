namespace PrivacyHoldout143.Transport;

/// <summary>
/// Animals found on the network: station staff log the animal, read its chip with the station's scanner, and the
/// keeper is told where to collect it.
/// </summary>
public sealed class FoundAnimalStationService(
    IMicrochipDatabase chips,
    IOwnerMessenger messenger,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    PetCareOptions options,
    ILogger<FoundAnimalStationService> logger)
{
    private readonly Counter<long> _found = meter.CreateCounter<long>("petpass.found_animals", "{animal}");

    private readonly Dictionary<string, string> _chipByReport = new(StringComparer.Ordinal);

    public async Task RecordAsync(StationFoundAnimal found, ChipScan? scan, CancellationToken cancellationToken)
    {
        using var span = source.StartPetpassOperation("stations");
        Activity.Current?.SetTag("petpass.station", found.Station); // clean precision-names
        Activity.Current?.SetTag("petpass.found.species", found.Species);
        logger.LogInformation("Animal found {Found}", found); // leak TC1001 logging-objects
        _found.Add(1, new KeyValuePair<string, object?>("station", found.Station), new KeyValuePair<string, object?>("species", found.Species)); // clean precision-about
        if (scan is null)
        {
            return;
        }

        Activity.Current?.SetTag("petpass.scanner", scan.ScannerId); // clean precision-names
        _chipByReport[found.ReportId] = scan.ChipNumber;
        var lookup = await chips.LookupAsync(scan.ChipNumber, cancellationToken);
        logger.LogInformation("Chip lookup {Lookup}", lookup); // clean logging-objects
        if (!lookup.Found)
        {
            span.SetPetpassNote($"chip {scan.ChipNumber} is on no database"); // leak TC1001 generated-api
            return;
        }

        Activity.Current?.SetTag("petpass.keeper.contactable", lookup.KeeperContactable); // clean precision-about
        Activity.Current?.SetTag("petpass.chip.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(scan.ChipNumber))[0] % 10); // clean hashes
        var record = await chips.FindAsync(scan.ChipNumber, cancellationToken);
        if (record is not null && lookup.KeeperContactable)
        {
            var fields = new Dictionary<string, string> { ["pet"] = record.PetName, ["station"] = found.Station };
            await messenger.SendAsync(options.LostPetAlertTemplateId, record.KeeperPhone, fields, cancellationToken);
            logger.LogInformation("Keeper {Keeper} told on {Phone}", record.KeeperName, record.KeeperPhone); // leak TC1001 direct
        }
    }

    public void Handover(string reportId, string collectedBy)
    {
        if (_chipByReport.Remove(reportId, out var chip))
        {
            logger.LogInformation("Found report {ReportId} collected", reportId); // clean precision-names
            Activity.Current?.SetTag("petpass.collected.chip_sha1", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(chip)))); // leak TC1002 hashes
            Activity.Current?.SetTag("petpass.collected.by", collectedBy); // leak TC1001 direct
        }

        logger.LogInformation("{Count} found animals still held", _chipByReport.Count); // clean cross-member
        logger.LogInformation("Still held {Reports}", _chipByReport); // leak TC1001 cross-member
    }
}
