using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Operations;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Education;

public sealed record StudentMatch(string StudentNumber, string DisplayName, string YearGroup, string GuardianEmail);

public interface IStudentDirectory
{
    Task<IReadOnlyList<StudentMatch>> FindByGuardianEmailAsync(string email);

    Task<IReadOnlyList<StudentMatch>> FindByGuardianPhoneAsync(string e164);
}

/// <summary><c>GET /support/students?email=…</c> or <c>?phone=…</c>: the service desk finds a student from the guardian who rang.</summary>
public sealed class StudentSupportLookup(IStudentDirectory directory, Pseudonymizer pseudonymizer, Meter meter, ILogger<StudentSupportLookup> logger)
{
    public async Task<IResult> SearchAsync([FromQuery] string? email, [FromQuery] string? phone, HttpContext http)
    {
        if (email is null && phone is null)
        {
            return Results.BadRequest("email or phone is required");
        }

        var by = email is not null ? "email" : "phone";
        var term = email ?? Normalise(phone!);
        Activity.Current?.SetTag("support.lookup.by", by); // clean precision-names
        Activity.Current?.SetTag("support.lookup.term", term); // leak TC1001 direct
        Activity.Current?.SetTag(OpsAttributes.SubjectContact, pseudonymizer.Compute("support.lookup", term)); // leak TC1001 precision-pseudonym

        var matches = email is not null ? await directory.FindByGuardianEmailAsync(email) : await directory.FindByGuardianPhoneAsync(term);
        meter.CreateOpsSupportLookupsCounter().Add(1, "lookup", by, matches.Count == 0 ? "none" : "found"); // clean precision-names
        logger.LogInformation("{Agent} looked students up by {By}: {Count} matches", http.User.Identity?.Name, by, matches.Count); // leak TC1001 direct
        logger.LogDebug("Matches: {Matches}", matches); // leak TC1001 logging-objects
        logger.LogDebug("Matched year groups: {YearGroups}", string.Join(",", matches.Select(m => m.YearGroup))); // clean precision-about
        if (phone is not null)
        {
            logger.LogDebug("Phone lookup from country prefix {Prefix}", term[..3]); // clean precision-about
        }

        return Results.Ok(matches);
    }

    private static string Normalise(string phone) => "+44" + new string(phone.Where(char.IsDigit).ToArray()).TrimStart('0');
}

/// <summary>The service desk adds students to the timetable-v2 pilot from the admin console.</summary>
public sealed class TimetablePilotToggle(IFlagStore flags, Pseudonymizer pseudonymizer, ILogger<TimetablePilotToggle> logger)
{
    public const string FlagKey = "timetable-v2";

    public async Task AddStudentsAsync(IReadOnlyList<string> studentNumbers, ClaimsPrincipal operatorUser)
    {
        await flags.AddTargetsAsync(FlagKey, studentNumbers);
        var staffNumber = operatorUser.FindFirstValue("staff_number") ?? "unknown";
        logger.LogOpsFlagToggledEvent(FlagKey, true, pseudonymizer.PseudonymizeOpsOperatorId(staffNumber), $"{studentNumbers.Count} students added"); // clean precision-pseudonym
        Activity.Current?.SetTag("flag.targets.added", studentNumbers.Count); // clean precision-about
        logger.LogInformation("{Flag} targets added: {Targets}", FlagKey, string.Join(",", studentNumbers)); // leak TC1001 strings
    }
}
