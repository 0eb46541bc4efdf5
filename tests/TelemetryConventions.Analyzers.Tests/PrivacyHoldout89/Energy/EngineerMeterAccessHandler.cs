namespace PrivacyHoldout89.Energy;

/// <summary>A household's smart meter as the head-end knows it. A record: prints its members.</summary>
public sealed record SmartMeter(string Serial, string Mpan, string Region, string Firmware, string Model);

public static class MeterOperations
{
    public static readonly OperationAuthorizationRequirement ReadConfig = new() { Name = "read_config" };

    public static readonly OperationAuthorizationRequirement Commission = new() { Name = "commission" };

    public static readonly OperationAuthorizationRequirement Exchange = new() { Name = "exchange" };
}

/// <summary>
/// Engineers may touch a meter only while a job assigns them to it. The relationship store holds
/// <c>meter:{serial}#assigned_engineer@engineer:{staffId}</c> for the job's duration; the job being worked is
/// sent as a contextual tuple (<c>job:{jobId}#site@meter:{serial}</c>).
/// </summary>
public sealed class EngineerMeterAccessHandler(IOpenFgaClient fga, ActivitySource source, Meter meter, ILogger<EngineerMeterAccessHandler> logger, Pseudonymizer pseudonymizer)
    : AuthorizationHandler<OperationAuthorizationRequirement, SmartMeter>
{
    private readonly Histogram<double> _checkLatency = meter.CreateHistogram<double>("gridauthz.fga.latency", "s");

    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, SmartMeter smartMeter)
    {
        var staffId = context.User.FindFirstValue("engineer_id");
        var jobId = context.User.FindFirstValue("job_id");
        var company = context.User.FindFirstValue("installer_org");
        if (staffId is null || jobId is null)
        {
            logger.LogWarning("Meter {Operation} refused: no engineer or job claim (installer {Company})", requirement.Name, company); // clean precision-names
            return;
        }

        using var span = source.StartGridauthzRelationCheck("assigned_engineer", "meter");
        span.SetGridauthzActorId(pseudonymizer.PseudonymizeGridauthzActorId(staffId)); // clean precision-pseudonym
        span.SetGridauthzSubjectId(pseudonymizer.PseudonymizeGridauthzSubjectId(smartMeter.Serial)); // clean precision-pseudonym
        var tuple = new ClientTupleKey($"engineer:{staffId}", "assigned_engineer", $"meter:{smartMeter.Serial}");
        var decisionKey = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes($"{staffId}:{smartMeter.Mpan}:{requirement.Name}")))[..12];
        logger.LogDebug("Checking assignment, decision key {DecisionKey}", decisionKey); // leak TC1002 hashes
        var started = Stopwatch.GetTimestamp();
        var response = await fga.Check(new ClientCheckRequest
        {
            User = tuple.User,
            Relation = tuple.Relation,
            Object = tuple.Object,
            ContextualTuples = { new ClientTupleKey($"meter:{smartMeter.Serial}", "site", $"job:{jobId}") },
        });
        _checkLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("relation", tuple.Relation), new KeyValuePair<string, object?>("region", smartMeter.Region)); // clean precision-names
        _checkLatency.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("meter", smartMeter.Serial)); // leak TC1003 direct

        if (response.Allowed == true)
        {
            span.SetGridauthzDecision("allow");
            logger.LogInformation("Engineer allowed to {Operation} a {Model} meter in {Region} on job {JobId}", requirement.Name, smartMeter.Model, smartMeter.Region, jobId); // clean precision-names
            context.Succeed(requirement);
            return;
        }

        span.SetGridauthzDecision("deny");
        span.SetGridauthzNote($"no assignment for {requirement.Name} on firmware {smartMeter.Firmware}, job {jobId}"); // clean generated-api
        logger.LogWarning("Denied tuple {Tuple}", tuple); // leak TC1001 logging-objects
        logger.LogWarning("Denied {Requirement} on {@Meter}", requirement, smartMeter); // leak TC1001 logging-objects
        logger.LogWarning("Denied {Requirement} for a meter of model {ModelPrefix}", requirement, smartMeter.Serial[..3]); // clean precision-about
        logger.LogGridauthzAccessDeniedEvent("EngineerAssignment", "no_assignment", gridauthzNote: $"engineer {staffId} at MPAN {smartMeter.Mpan}"); // leak TC1001 generated-api
        context.Fail(new AuthorizationFailureReason(this, "no_assignment"));
    }
}

/// <summary>The field app's meter endpoint: resource-based authorization of each operation.</summary>
public sealed class FieldMeterController(IAuthorizationService authorization, ILogger<FieldMeterController> logger) : AuthorizedController
{
    [HttpPost("/meters/{serial}/exchange")]
    public async Task<ActionResult> Exchange(string serial, [FromBody] SmartMeter smartMeter)
    {
        var result = await authorization.AuthorizeAsync(User, smartMeter, MeterOperations.Exchange);
        if (!result.Succeeded)
        {
            var reasons = result.Failure?.FailureReasons.Select(r => r.Message) ?? Enumerable.Empty<string>();
            logger.LogWarning("Exchange refused: {Reasons}", string.Join(",", reasons)); // clean precision-about
            logger.LogWarning("Exchange refused on {Serial}", serial); // leak TC1001 direct
            return Forbid();
        }
        logger.LogInformation("Exchange authorised for requirement {Requirement}", MeterOperations.Exchange); // clean precision-names
        return Ok();
    }
}
