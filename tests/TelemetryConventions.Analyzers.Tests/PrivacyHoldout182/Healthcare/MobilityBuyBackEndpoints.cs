namespace PrivacyHoldout182.Healthcare;

/// <summary>The equipment service's buy-back of patient-owned wheelchairs and scooters, and hearing aids handed back.</summary>
public static partial class MobilityBuyBackEndpoints
{
    private static readonly ActivitySource Source = new("Trust.Equipment.BuyBack");
    private static readonly Meter EquipmentMeter = new("Trust.Equipment.BuyBack");
    private static readonly Histogram<double> Offers = EquipmentMeter.CreateHistogram<double>("equipment.buyback.offer", "GBP");
    private static readonly Counter<long> AidsReturned = EquipmentMeter.CreateCounter<long>("equipment.hearing_aids.returned");

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/buy-backs", (MobilityBuyBack buyBack, Pseudonymizer pseudonymizer, IStolenGoodsRegister register, ILogger<MobilityBuyBack> logger) => Accept(buyBack, pseudonymizer, register, logger));
        routes.MapPost("/hearing-aids/returns", (HearingAidReturn aid, TelemetrySecrets secrets, ILogger<HearingAidReturn> logger) => ReturnAid(aid, secrets, logger));
    }

    private static async Task<ActionResult> Accept(MobilityBuyBack buyBack, Pseudonymizer pseudonymizer, IStolenGoodsRegister register, ILogger logger)
    {
        using var span = Source.StartMobilityreturnsOperation(buyBack.Service);
        span.SetMobilityreturnsSellerId(pseudonymizer.PseudonymizeMobilityreturnsSellerId(buyBack.NhsNumber)); // clean precision-pseudonym
        span.SetMobilityreturnsItemCategory(buyBack.AidType); // clean generated-api
        span.SetMobilityreturnsNote($"Offer {buyBack.Offer:C} for a {buyBack.AidType}"); // clean generated-api
        span.SetMobilityreturnsNote($"Bought back from {buyBack.PatientName}"); // leak TC1001 generated-api
        span.Activity?.SetTag("equipment.aid.serial", buyBack.AidSerial); // leak TC1001 direct
        span.Activity?.SetTag("equipment.patient.nhs_number", buyBack.NhsNumber); // leak TC1001 direct
        span.Activity?.SetTag("equipment.service", buyBack.Service); // clean precision-names
        Offers.Record((double)buyBack.Offer, new KeyValuePair<string, object?>("aid.type", buyBack.AidType)); // clean precision-names
        Offers.Record((double)buyBack.Offer, new KeyValuePair<string, object?>("aid.serial", buyBack.AidSerial)); // leak TC1003 direct

        var result = await register.CheckAsync(new RegisterCheck(Guid.NewGuid().ToString("N"), buyBack.AidSerial, "immobilise"));
        if (result.Matches > 0)
        {
            var flagged = new StolenItemFlaggedException(buyBack.AidSerial);
            span.RecordException(flagged); // clean generated-api
            span.RecordException(flagged, includeMessage: true); // leak TC1001 generated-api
            logger.LogMobilityreturnsOperationFailedEvent(buyBack.Service, "held", mobilityreturnsNote: flagged.Message); // leak TC1001 generated-api
            logger.LogWarning("Aid held for the police: {Reason}", flagged.Message); // leak TC1001 exceptions
            logger.LogWarning("Aid held for the police, exception {Type}", flagged.GetType().Name); // clean exceptions
            return new OkResult("held");
        }

        logger.LogInformation("Buy-back accepted {BuyBack}", buyBack); // leak TC1001 logging-objects
        logger.LogInformation("Buy-back accepted {BuyBack}", buyBack with { NhsNumber = "", PatientName = "", AidSerial = "" }); // clean logging-objects
        logger.LogInformation("Buy-back accepted {BuyBack}", buyBack with { NhsNumber = "" }); // leak TC1001 logging-objects
        logger.LogInformation("Buy-back accepted {@Summary}", new { buyBack.Service, buyBack.AidType, buyBack.Offer }); // clean logging-objects
        BuyBackAccepted(logger, buyBack.Service, buyBack.PatientName); // clean precision-names
        BuyBackAcceptedPlain(logger, buyBack.Service, buyBack.PatientName); // leak TC1001 direct
        return new OkResult(result.Outcome);
    }

    private static ActionResult ReturnAid(HearingAidReturn aid, TelemetrySecrets secrets, ILogger logger)
    {
        using var activity = Source.StartActivity("equipment.hearing_aid.return");
        activity?.SetTag("equipment.clinic", aid.Clinic); // clean precision-names
        activity?.SetTag("equipment.aid.model", aid.Model); // clean precision-names
        activity?.SetTag("equipment.aid.serial_length", aid.AidSerial.Length); // clean precision-about
        activity?.SetTag("equipment.aid.ref", new Guid(SHA1.HashData(Encoding.UTF8.GetBytes(aid.AidSerial)).AsSpan(0, 16)).ToString()); // leak TC1002 hashes
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(aid.NhsNumber))[0] % 16;
        AidsReturned.Add(1, new KeyValuePair<string, object?>("clinic", aid.Clinic), new KeyValuePair<string, object?>("cohort", cohort)); // clean hashes
        AidsReturned.Add(1, new KeyValuePair<string, object?>("patient", aid.NhsNumber)); // leak TC1003 direct
        activity?.SetStatus(ActivityStatusCode.Ok, "Aid " + aid.AidSerial + " returned to " + aid.Clinic); // leak TC1001 strings
        activity?.SetStatus(ActivityStatusCode.Ok, $"Aid returned to {aid.Clinic}"); // clean strings
        logger.LogInformation("Hearing aid returned {Return}", aid); // leak TC1001 logging-objects
        return new OkResult(null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Buy-back at {Service} from {PatientName}")]
    private static partial void BuyBackAccepted(ILogger logger, string service, [PrivateData] string patientName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Buy-back at {Service} from patient {PatientName}")]
    private static partial void BuyBackAcceptedPlain(ILogger logger, string service, string patientName);
}
