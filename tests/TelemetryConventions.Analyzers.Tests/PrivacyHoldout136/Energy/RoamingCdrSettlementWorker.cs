namespace PrivacyHoldout136.Energy;

/// <summary>Pulls OCPI charge detail records from the roaming hub for the supplier's customers charging on other networks, and bills home charger sessions to accounts.</summary>
public sealed class RoamingCdrSettlementWorker(
    IOcpiHubClient hub,
    ILogger<RoamingCdrSettlementWorker> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : BackgroundService
{
    private readonly Counter<double> _settledKwh = meter.CreateCounter<double>("roaming.settled_kwh", "kWh");
    private readonly Dictionary<string, string> _rejectedByContract = new();
    private DateTimeOffset _since = DateTimeOffset.UtcNow.AddDays(-1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            using var activity = activitySource.StartActivity("roaming.cdr_pull");
            var batch = new List<ChargeDetailRecord>();
            await foreach (var cdr in hub.PullCdrsAsync(_since, stoppingToken))
            {
                batch.Add(cdr);
                Settle(cdr);
            }

            activity?.SetTag("roaming.batch_size", batch.Count); // clean precision-about
            activity?.SetTag("roaming.parties", string.Join(",", batch.Select(c => c.PartyId).Distinct())); // clean strings
            activity?.SetTag("roaming.total_kwh", batch.Sum(c => c.TotalKwh)); // clean precision-about
            logger.LogInformation("Pulled CDRs for contracts {Contracts}", batch.Select(c => c.ContractId)); // leak TC1001 logging-objects
            _since = DateTimeOffset.UtcNow;
            await Task.Delay(TimeSpan.FromMinutes(15), stoppingToken);
        }
    }

    private void Settle(ChargeDetailRecord cdr)
    {
        using var span = activitySource.StartChargenetAccess(cdr.LocationId);
        span.SetChargenetDevice(cdr.EvseUid); // clean precision-names
        span.SetChargenetHolderId(pseudonymizer.PseudonymizeChargenetHolderId(cdr.ContractId)); // clean precision-pseudonym
        span.Activity?.SetTag("ocpi.cdr_id", cdr.CdrId); // clean precision-names
        span.Activity?.SetTag("ocpi.contract_country", cdr.ContractId[..2]); // clean precision-about
        span.Activity?.SetTag("ocpi.total_cost", (double)cdr.TotalCost); // clean precision-about

        try
        {
            if (cdr.TotalKwh <= 0)
            {
                throw new CdrRejectedException(cdr.CdrId, cdr.ContractId, "zero-energy");
            }

            _settledKwh.Add(cdr.TotalKwh, new KeyValuePair<string, object?>("party", cdr.PartyId), new KeyValuePair<string, object?>("currency", cdr.Currency)); // clean precision-names
        }
        catch (CdrRejectedException ex)
        {
            _rejectedByContract[cdr.ContractId] = ex.Reason;
            logger.LogWarning(ex, "CDR {CdrId} rejected: {Reason}", ex.CdrId, ex.Reason); // leak TC1001 exceptions
            span.Activity?.SetTag("ocpi.reject_reason", ex.Reason); // clean exceptions
            logger.LogChargenetAccessDeniedEvent(cdr.LocationId, "cdr-rejected", chargenetHolderId: pseudonymizer.PseudonymizeChargenetHolderId(cdr.ContractId)); // clean generated-api
            logger.LogWarning("Rejected CDRs so far {Rejected}", _rejectedByContract); // leak TC1001 logging-objects
        }
    }

    public void BillHomeSession(HomeCharger charger, double kwh)
    {
        using var activity = activitySource.StartActivity("home_charger.bill");
        activity?.SetTag("home_charger.model", charger.Model); // clean precision-names
        activity?.SetTag("home_charger.serial", charger.Serial); // leak TC1001 direct
        activity?.SetTag("home_charger.serial_prefix", charger.Serial[..3]); // clean precision-about
        activity?.SetTag("home_charger.firmware", charger.FirmwareVersion); // clean precision-names
        activity?.SetTag("home_charger.tariff", charger.Tariff); // clean precision-names
        activity?.SetTag("home_charger.account", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(charger.AccountNumber)))); // leak TC1002 hashes
        activity?.SetTag("home_charger.account_shard", KeyedBuckets.Shard(secrets.PseudonymKey, charger.AccountNumber, 64)); // clean hashes
        logger.LogInformation("Billed {Kwh} kWh to account {AccountNumber} for charger {Serial}", kwh, charger.AccountNumber, charger.Serial); // leak TC1001 direct
        activity?.SetTag("chargenet.holder.id", pseudonymizer.ComputeChargenetHolderId(charger.AccountNumber)); // clean precision-pseudonym
        logger.LogDebug("Charger billed {@Charger}", charger); // leak TC1001 logging-objects
    }
}
