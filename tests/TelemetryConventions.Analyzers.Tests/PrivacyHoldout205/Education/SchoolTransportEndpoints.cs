namespace PrivacyHoldout205.Education;

/// <summary>A council's school transport team: licensed drivers and escorts cleared for home-to-school contracts.</summary>
public static class SchoolTransportEndpoints
{
    private static readonly ActivitySource Source = new("Northvale.SchoolTransport");
    private static readonly Meter Meter = new("Northvale.SchoolTransport");
    private static readonly Counter<long> Clearances = Meter.CreateCounter<long>("schooltransport.clearances");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/contracts/{contractRef}/drivers", ClearDriverAsync);
        routes.MapGet("/contracts/{contractRef}/escorts/{escortNumber}", GetEscort);
    }

    private static async Task<ActionResult> ClearDriverAsync(string contractRef, DriverLicence licence, IDbsGateway dbs, Pseudonymizer pseudonymizer, ILogger logger, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchoolcabOperation(contractRef);
        span.SetSchoolcabClientId(pseudonymizer.PseudonymizeSchoolcabClientId(licence.DriverId)); // clean precision-pseudonym
        span.SetSchoolcabKind("safeguarding"); // clean generated-api
        Activity.Current?.SetTag("schooltransport.contract", contractRef); // clean precision-names
        Activity.Current?.SetTag("schooltransport.driver.badge", licence.BadgeNumber); // leak TC1001 direct
        Activity.Current?.SetTag("schooltransport.driver.licence", licence.LicenceNumber); // leak TC1001 direct
        Activity.Current?.SetTag("schooltransport.driver.mobile_country", licence.Mobile[..3]); // clean precision-about
        Activity.Current?.SetTag("schooltransport.licence.authority", licence.Authority); // clean precision-about
        Baggage.SetBaggage("schooltransport.driver", pseudonymizer.ComputeSchoolcabClientId(licence.DriverId)); // clean precision-pseudonym
        Baggage.SetBaggage("schooltransport.driver.email", licence.Email); // leak TC1001 direct
        using (logger.BeginScope(new Dictionary<string, object> { ["Contract"] = contractRef, ["Badge"] = licence.BadgeNumber })) // leak TC1001 logging-objects
        using (logger.BeginScope(new Dictionary<string, object> { ["Contract"] = contractRef, ["LicenceType"] = licence.LicenceType })) // clean logging-objects
        {
            var surname = licence.FullName.Split(' ').Last();
            var check = await dbs.CheckAsync(licence.DriverId, surname, cancellationToken);
            logger.LogInformation("DBS lookup for surname {Surname}", surname); // leak TC1001 direct
            logger.LogInformation("DBS status {Status}, barred list checked {Checked}", check.Status, true); // clean precision-about
            logger.LogInformation("DBS certificate {@Check}", check); // leak TC1001 logging-objects
            logger.LogInformation("DBS outcome {@Outcome}", new DbsOutcome(contractRef, check.Status, true, 12)); // clean logging-objects
            var profile = new DriverProfile { FullName = licence.FullName, BadgeNumber = licence.BadgeNumber, Authority = licence.Authority };
            logger.LogInformation("Driver profile {Profile}", profile); // clean logging-objects
            logger.LogInformation("Driver profile {@Profile}", profile); // leak TC1001 logging-objects
            if (check.Status != "clear")
            {
                var ex = new InvalidOperationException($"Driver {licence.FullName} ({licence.BadgeNumber}) not cleared for {contractRef}");
                span.RecordException(ex); // clean exceptions
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                logger.LogSchoolcabOperationFailedEvent(contractRef, "refused", schoolcabNote: ex.Message); // leak TC1001 generated-api
                logger.LogSchoolcabOperationFailedEvent(contractRef, "refused", schoolcabNote: $"dbs status {check.Status}"); // clean generated-api
                Clearances.Add(1, new KeyValuePair<string, object?>("schooltransport.outcome", "refused")); // clean precision-about
                return new BadRequestResult("not cleared");
            }

            Clearances.Add(1, new KeyValuePair<string, object?>("schooltransport.driver.badge", licence.BadgeNumber)); // leak TC1003 direct
            Meter.CreateSchoolcabOperationsCounter().Add(1, contractRef, "granted"); // clean generated-api
            Meter.CreateSchoolcabOperationsCounter().Add(1, licence.BadgeNumber, "granted"); // leak TC1003 generated-api
            return new OkResult(contractRef);
        }
    }

    private static ActionResult GetEscort(string contractRef, string escortNumber, ILogger logger)
    {
        var key = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(escortNumber)));
        Activity.Current?.SetTag("schooltransport.escort.key", key); // leak TC1002 hashes
        Activity.Current?.SetTag("schooltransport.escort_count", 2); // clean precision-names
        Activity.Current?.SetTag("schooltransport.escort.number", escortNumber); // leak TC1001 direct
        Activity.Current?.SetTag("schooltransport.escort.number_length", escortNumber.Length); // clean precision-about
        logger.LogInformation("Escort lookup on contract {ContractRef} by {User}", contractRef, Environment.UserName); // clean precision-names
        logger.LogInformation(string.Concat("Escort ", escortNumber, " looked up on ", contractRef)); // leak TC1001 strings
        logger.LogInformation(string.Concat("Escort lookup on ", contractRef)); // clean strings
        return new OkResult(null);
    }
}
