using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout3.Support;
using PrivacyHoldout3.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout3.Education;

public sealed record AppealDto(string StudentNumber, string ModuleCode, string Reason, decimal ClaimedMark);

public interface IStudentPseudonyms
{
    Pseudonym For(string studentNumber);

    string TextFor(string studentNumber);
}

public sealed class StudentPseudonyms(Pseudonymizer pseudonymizer) : IStudentPseudonyms
{
    public Pseudonym For(string studentNumber) => pseudonymizer.PseudonymizeCourseworkStudentId(studentNumber);

    public string TextFor(string studentNumber) => pseudonymizer.ComputeCourseworkStudentId(studentNumber);
}

public sealed class AppealRejectedException(string message) : Exception(message);

[ApiController]
[Route("api/appeals")]
public sealed class GradeAppealsController(IStudentPseudonyms pseudonyms, ILogger<GradeAppealsController> logger) : ControllerBase
{
    private string? _lastAppellant;

    [HttpPost]
    public async Task<IResult> Submit([FromBody] AppealDto appeal, CancellationToken ct)
    {
        var activity = Activity.Current;
        activity?.EnrichCourseworkSubmit(pseudonyms.For(appeal.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("coursework.student.ref", pseudonyms.TextFor(appeal.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("appeal.module", appeal.ModuleCode); // clean direct
        _lastAppellant = appeal.StudentNumber;

        try
        {
            Validate(appeal);
        }
        catch (AppealRejectedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            return Problem(new ProblemDetails { Status = 422, Title = "Appeal rejected", Detail = ex.Message }); // clean exceptions
        }

        var staffId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        logger.LogInformation("Appeal for {Module} filed by staff {StaffId}", appeal.ModuleCode, staffId); // leak TC1001 direct
        await Task.Yield();
        return Ok(new { appeal.ModuleCode });
    }

    [HttpGet("last")]
    public IResult Last()
    {
        Activity.Current?.SetTag("appeal.last_appellant", _lastAppellant); // leak TC1001 cross-member
        Activity.Current?.SetTag("appeal.has_last_appellant", _lastAppellant is not null); // clean precision-about
        return Ok();
    }

    private static void Validate(AppealDto appeal)
    {
        if (appeal.ClaimedMark is < 0 or > 100)
        {
            throw new AppealRejectedException(string.Format(CultureInfo.InvariantCulture, "Student {0} claimed an impossible mark {1}", appeal.StudentNumber, appeal.ClaimedMark));
        }
    }
}
