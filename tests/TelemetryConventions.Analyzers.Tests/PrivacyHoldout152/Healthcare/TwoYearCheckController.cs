namespace PrivacyHoldout152.Healthcare;

/// <summary>The key person completes the two-year progress check and shares it with the health visiting team.</summary>
[ApiController]
[Route("api/two-year-checks")]
public sealed class TwoYearCheckController(
    IHealthVisitorGateway healthVisitors,
    IChildRegister children,
    Pseudonymizer pseudonymizer,
    ILogger<TwoYearCheckController> logger) : ControllerBase
{
    private static readonly Meter Meter = new("Nursery.TwoYearChecks");
    private static readonly Counter<long> Shared = Meter.CreateCounter<long>("nursery.two_year_checks.shared");

    [HttpPost("")]
    public async Task<ActionResult> Share([FromBody] TwoYearCheck check, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.EnrichNurserycareOperation("EY501234").SetNurserycareChildId(pseudonymizer.PseudonymizeNurserycareChildId(check.ChildId)); // clean precision-pseudonym
        activity?.SetTag("check.id", check.CheckId); // clean precision-names
        activity?.SetTag("check.nhs_number", check.NhsNumber); // leak TC1001 direct
        activity?.SetTag("check.has_nhs_number", !string.IsNullOrEmpty(check.NhsNumber)); // clean precision-about
        activity?.SetTag("check.asq_domains", string.Join(",", check.AsqScores.Keys)); // clean strings
        activity?.SetTag("check.concerns", check.Concerns); // leak TC1001 direct
        activity?.SetTag("check.concerns_words", check.Concerns.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length); // clean precision-about
        activity?.SetBaggage("child.id", check.ChildId); // leak TC1001 direct
        activity?.SetBaggage("child.pseudonym", pseudonymizer.ComputeNurserycareChildId(check.ChildId)); // clean precision-pseudonym

        logger.LogInformation("Sharing two-year check {@Check}", check); // leak TC1001 logging-objects
        logger.LogInformation("Sharing two-year check {CheckId} for {NhsNumber}", check.CheckId, Mask(check.NhsNumber)); // clean strings
        logger.LogInformation("Sharing check for {Child}", Describe(check)); // leak TC1001 strings

        try
        {
            var results = await healthVisitors.ShareAsync(check, cancellationToken);
            foreach (var result in results.Where(r => r.BelowCutoff))
            {
                logger.LogInformation("Below cut-off: {@Result}", result); // clean logging-objects
                Shared.Add(1, new KeyValuePair<string, object?>("asq.domain", result.Domain)); // clean precision-about
            }

            Shared.Add(1, new KeyValuePair<string, object?>("child", pseudonymizer.ComputeNurserycareChildId(check.ChildId))); // leak TC1003 precision-pseudonym
            return Ok(results);
        }
        catch (NhsNumberMismatchException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().Name); // clean exceptions
            logger.LogShareFailure(check.CheckId, ex); // leak TC1001 exceptions
            return BadRequest("The NHS number does not match.");
        }
        catch (HealthVisitorGatewayException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogNurserycareOperationFailedEvent("EY501234", "gateway", nurserycareNote: ex.Message); // clean generated-api
            return BadRequest("Try again later.");
        }
    }

    private static string Mask(string nhsNumber) => nhsNumber.Length < 2 ? "**" : $"********{nhsNumber[^2..]}";

    private static string Describe(TwoYearCheck check) => $"{check.ChildId} (NHS {check.NhsNumber})";
}

internal static class TwoYearCheckLogging
{
    public static void LogShareFailure(this ILogger logger, string checkId, Exception exception) =>
        logger.LogWarning(exception, "Two-year check {CheckId} was not shared", checkId);
}
