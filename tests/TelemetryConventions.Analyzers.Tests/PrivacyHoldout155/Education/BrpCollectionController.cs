namespace PrivacyHoldout155.Education;

/// <summary>
/// The international student desk: students collect their biometric residence permit at the campus, and the
/// careers service checks a student's right to work from a share code before a campus job.
/// </summary>
[ApiController]
[Route("api/international")]
public sealed class BrpCollectionController(
    IHomeOfficeGateway homeOffice,
    TelemetrySecrets secrets,
    Pseudonymizer pseudonymizer,
    ILogger<BrpCollectionController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("University.International");
    private static readonly Meter Meter = new("University.International");
    private static readonly Counter<long> Collected = Meter.CreateCounter<long>("brp.collected", "{permit}");

    [HttpPost("brp/collect")]
    public ActionResult Collect([FromBody] BrpParcel parcel)
    {
        using var activity = Source.StartActivity("brp.collect");
        activity?.SetTag("brp.desk", parcel.Desk); // clean precision-about
        activity?.SetTag("brp.number", parcel.BrpNumber); // leak TC1001 direct
        activity?.SetTag("brp.student", pseudonymizer.PseudonymizeSponsorStudentId(parcel.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("brp.number_last4", parcel.BrpNumber[^4..]); // clean precision-about
        Collected.Add(1, new KeyValuePair<string, object?>("desk", parcel.Desk)); // clean precision-about
        Collected.Add(1, new KeyValuePair<string, object?>("student.bucket", Bucket(parcel.StudentNumber))); // clean hashes
        logger.LogInformation("BRP collected: {Parcel}", parcel); // leak TC1001 logging-objects
        logger.LogInformation("BRP collected by {StudentHash}", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(parcel.StudentNumber)))); // leak TC1002 hashes
        return Ok();
    }

    [HttpPost("right-to-work")]
    public async Task<ActionResult> RightToWork([FromBody] ShareCodeRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("rtw.check");
        activity?.SetTag("rtw.share_code.route", request.ShareCode[..1]); // clean precision-about
        activity?.SetTag("rtw.share_code_template_id", "tpl-rtw-share-code"); // clean precision-names
        activity?.SetTag("rtw.follow_up", $"{request.ShareCode}:{request.DateOfBirth:yyyyMMdd}"); // leak TC1001 strings
        try
        {
            var result = await homeOffice.CheckShareCodeAsync(request.ShareCode, request.DateOfBirth, cancellationToken);
            activity?.SetTag("rtw.check_reference", result.CheckReference); // clean precision-about
            activity?.SetTag("rtw.permission_expires", result.PermissionExpires?.ToString("yyyy-MM", CultureInfo.InvariantCulture)); // clean precision-about
            logger.LogInformation("Right to work for {Route}: {Outcome}", result.Route, result.Outcome); // clean precision-about
            return Ok(result);
        }
        catch (ShareCodeInvalidException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
            return BadRequest("share code not valid");
        }
        catch (HomeOfficeUnavailableException ex)
        {
            activity?.AddException(ex); // clean exceptions
            logger.LogWarning("Home Office endpoint {Endpoint} unavailable", ex.Endpoint); // clean exceptions
            return BadRequest("try later");
        }
    }

    private string Bucket(string studentNumber) =>
        Convert.ToHexString(HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(studentNumber)))[..2];
}

/// <summary>What the careers service sends.</summary>
public sealed record ShareCodeRequest(string ShareCode, DateOnly DateOfBirth, string JobId);
