namespace PrivacyHoldout172.Transport;

/// <summary>
/// Consumes third-party accident claims from the insurer's claims topic (keyed by claim id): opens a matter with the
/// operator's panel firm and pulls the driver's statement and the bus's CCTV.
/// </summary>
public sealed partial class AccidentClaimsConsumer(
    IConsumer<string, AccidentClaim> consumer,
    IClientStore clients,
    ILogger<AccidentClaimsConsumer> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private const string Firm = "Keoghs";

    public async Task PumpAsync(CancellationToken cancellationToken)
    {
        var result = consumer.Consume(cancellationToken);
        if (result is null)
        {
            return;
        }

        var claim = result.Message.Value;
        var started = Stopwatch.GetTimestamp();
        var driver = pseudonymizer.PseudonymizeFleetlegalFeeEarnerId(claim.DriverStaffNumber);
        using var span = source.StartFleetlegalOperation(Firm);
        span.SetFleetlegalMatterId(claim.ClaimId); // clean generated-api
        span.SetFleetlegalStep("intake"); // clean generated-api
        span.SetFleetlegalNote($"bus {claim.FleetNumber} at {claim.Depot}"); // clean generated-api
        span.SetFleetlegalNote($"driver {claim.DriverStaffNumber}, third party {claim.ThirdPartyPlate}"); // leak TC1001 generated-api
        span.Activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // clean direct
        span.Activity?.SetTag("claim.fleet_number", claim.FleetNumber); // clean precision-names
        span.Activity?.SetTag("claim.driver", driver); // clean precision-pseudonym
        span.Activity?.SetTag("claim.third_party.plate", claim.ThirdPartyPlate); // leak TC1001 direct
        span.Activity?.SetTag("claim.third_party.plate_age", claim.ThirdPartyPlate.Length >= 4 ? claim.ThirdPartyPlate.Substring(2, 2) : ""); // clean precision-about

        LogClaim(logger, claim.ClaimId, claim.Depot); // clean direct
        LogDriver(logger, claim.ClaimId, claim.DriverStaffNumber); // leak TC1001 direct
        logger.LogInformation("Claim {@Claim}", claim); // leak TC1001 logging-objects

        var existing = await clients.FindMatterAsync(claim.ClaimId, cancellationToken);
        if (existing is not null)
        {
            logger.LogInformation("Claim {ClaimId} already on matter {MatterId} ({Status})", claim.ClaimId, existing.MatterId, existing.Status); // clean direct
        }

        meter.CreateFleetlegalOperationsCounter().Add(1, Firm, existing is null ? "opened" : "existing"); // clean generated-api
        meter.CreateFleetlegalOperationsCounter().Add(1, Firm, driver.Value); // leak TC1003 generated-api
        meter.CreateFleetlegalOperationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, Firm); // clean generated-api
        consumer.Commit(result);
    }

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Accident claim {ClaimId} at depot {Depot}")]
    private static partial void LogClaim(ILogger logger, string claimId, string depot);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Accident claim {ClaimId} driven by {DriverStaffNumber}")]
    private static partial void LogDriver(ILogger logger, string claimId, string driverStaffNumber);
}
