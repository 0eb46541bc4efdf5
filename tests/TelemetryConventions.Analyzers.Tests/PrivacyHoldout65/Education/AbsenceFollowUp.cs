using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Diagnostics.Buffering;

namespace PrivacyHoldout65.Education;

public sealed record AbsenceCase(string CaseId, string StudentNumber, string Session, int ConsecutiveDays, string? ParentComment);

public interface IGuardianDirectory
{
    Guardian GuardianOf(string studentNumber);
}

/// <summary>
/// Debug logs of the follow-up run are buffered per run and flushed only when a follow-up fails, so the
/// team logs the lookups in detail.
/// </summary>
public sealed class AbsenceFollowUp(
    ILogger<AbsenceFollowUp> logger,
    PerRequestLogBuffer buffer,
    IGuardianDirectory guardians,
    Pseudonymizer pseudonymizer,
    ServiceSecrets secrets)
{
    private static readonly Action<ILogger, string, int, Exception?> s_caseOpened =
        LoggerMessage.Define<string, int>(LogLevel.Information, new EventId(2230, nameof(AbsenceFollowUp) + ".CaseOpened"), "Absence case {CaseId} opened after {Days} days");

    private static readonly Action<ILogger, string, Exception?> s_commentReceived =
        LoggerMessage.Define<string>(LogLevel.Information, new EventId(2231, "ParentCommentReceived"), "Parent comment received: {Comment}");

    private static readonly Func<ILogger, string, IDisposable?> s_caseScope =
        LoggerMessage.DefineScope<string>("Absence case for {StudentNumber}");

    public void FollowUp(AbsenceCase absence)
    {
        using var scope = s_caseScope(logger, absence.StudentNumber); // leak TC1001 direct
        s_caseOpened(logger, absence.CaseId, absence.ConsecutiveDays, null); // clean direct
        logger.LogDebug("Looking up guardian of {StudentNumber}", absence.StudentNumber); // leak TC1001 direct

        try
        {
            var guardian = guardians.GuardianOf(absence.StudentNumber);
            logger.LogDebug("Guardian found: {Relationship}, mobile on file {HasMobile}", guardian.Relationship, guardian.Mobile.Length > 0); // clean precision-about
            logger.GuardianNotified(absence.Session, guardian); // leak TC1001 logging-objects
            if (absence.ParentComment is { Length: > 0 } comment)
            {
                s_commentReceived(logger, comment, null); // leak TC1001 strings
                s_commentReceived(logger, $"{comment.Length} characters", null); // clean precision-about
            }
        }
        catch (TimeoutException ex)
        {
            logger.LogWarning(ex, "Guardian directory timed out for case {CaseId}", absence.CaseId); // clean exceptions
            buffer.Flush();
        }
        catch (InvalidOperationException ex)
        {
            logger.LogWarning("Guardian record for {StudentRef} is inconsistent ({Error})", pseudonymizer.ComputeAttendanceStudentId(absence.StudentNumber), ex.GetType().Name); // clean precision-pseudonym
            buffer.Flush();
        }
    }

    /// <summary>Only one case in eight is traced in full; the bucket goes on the record so the sampled set can be found.</summary>
    public void Sample(AbsenceCase absence)
    {
        var unkeyed = (absence.StudentNumber.GetHashCode() & 0x7FFFFFFF) % 8;
        logger.LogDebug("Absence case {CaseId} in trace bucket {Bucket}", absence.CaseId, unkeyed); // leak TC1002 hashes
        var keyed = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(absence.StudentNumber))[0] % 8;
        logger.LogDebug("Absence case {CaseId} in shard {Shard}", absence.CaseId, keyed); // clean hashes
        var digest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(absence.StudentNumber + absence.Session)));
        Activity.Current?.SetTag("attendance.case.dedupe", digest); // leak TC1002 hashes
    }
}

/// <summary>Samples attendance logs: every warning, and information records of one session in ten.</summary>
public sealed class AttendanceSampler : LoggingSampler
{
    public override bool ShouldSample<TState>(in Microsoft.Extensions.Logging.Abstractions.LogEntry<TState> logEntry) =>
        logEntry.LogLevel >= LogLevel.Warning || (logEntry.EventId.Id % 10) == 0;
}
