namespace PrivacyHoldout184.Energy;

/// <summary>An in-home display reported lost or stolen: job id, account number, the display's GUID, postcode, whether it was re-paired.</summary>
public sealed record DisplayLoss(string JobId, string AccountNumber, string DisplayGuid, string Postcode, bool Repaired);

/// <summary>Stores lost-display jobs and re-pairs a new display to the household's meter.</summary>
public sealed class InHomeDisplayRepository(ILogger<InHomeDisplayRepository> logger)
{
    private static readonly ActivitySource Source = new("Supplier.InHomeDisplays");
    private static readonly Meter Meter = new("Supplier.InHomeDisplays");
    private static readonly Histogram<int> PairingAttempts = Meter.CreateHistogram<int>("prepaykeys.ihd.pairing_attempts");

    public Task SaveAsync(DisplayLoss loss, int attempts)
    {
        using var activity = Source.StartActivity("prepaykeys.ihd.save");
        activity?.SetTag("db.system", "postgresql"); // clean direct
        activity?.SetTag("db.statement", "insert into display_loss (job_id, account, guid, postcode) values (@job, @account, @guid, @postcode)"); // clean strings
        activity?.SetTag("db.statement", $"insert into display_loss values ('{loss.JobId}', '{loss.AccountNumber}', '{loss.DisplayGuid}')"); // leak TC1001 strings
        activity?.SetTag("prepaykeys.ihd.guid", loss.DisplayGuid); // leak TC1001 direct
        activity?.SetTag("prepaykeys.ihd.postcode_district", loss.Postcode.Split(' ')[0]); // clean precision-about
        activity?.SetTag("prepaykeys.ihd.postcode", loss.Postcode); // leak TC1001 direct
        activity?.SetTag("prepaykeys.ihd.repaired", loss.Repaired); // clean precision-about
        activity?.SetTag("prepaykeys.ihd.job", loss.JobId); // clean direct
        PairingAttempts.Record(attempts, new KeyValuePair<string, object?>("repaired", loss.Repaired)); // clean precision-about
        logger.LogInformation("Display loss saved {@Loss}", loss); // leak TC1001 logging-objects
        logger.LogDebug("Display loss {JobId} saved after {Attempts} attempts", loss.JobId, attempts); // clean direct
        return Task.CompletedTask;
    }
}
