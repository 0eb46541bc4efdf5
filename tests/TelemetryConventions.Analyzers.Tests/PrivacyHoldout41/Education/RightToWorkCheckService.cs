using System;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Education;

/// <summary>What a new lecturer gives HR before their first day: a share code, or a passport seen in person.</summary>
public sealed record RightToWorkSubmission(string CandidateId, string VacancyId, string? ShareCode, DateOnly DateOfBirth, string? PassportNumber, string? Nationality);

/// <summary>Thrown when the Home Office check cannot be matched to the candidate in front of HR.</summary>
public sealed class ShareCodeMismatchException(string shareCode, string candidateId)
    : Exception($"Share code {shareCode} does not belong to candidate {candidateId}.");

/// <summary>
/// The university's right-to-work step of onboarding: an online check for share codes, a manual
/// document check otherwise, and a follow-up check when the permission is time-limited.
/// </summary>
public sealed class RightToWorkCheckService(
    IRightToWorkService homeOffice,
    IJobScheduler scheduler,
    Pseudonymizer pseudonymizer,
    ILogger<RightToWorkCheckService> logger)
{
    private const string CompanyName = "University of Eastmere";
    private static readonly ActivitySource Source = new("University.Onboarding.RightToWork");

    public async Task<RightToWorkResult?> CheckAsync(RightToWorkSubmission submission, CancellationToken cancellationToken)
    {
        using var span = Source.StartRecruitmentScreening("right_to_work");
        span.SetRecruitmentCandidateId(pseudonymizer.PseudonymizeRecruitmentCandidateId(submission.CandidateId));
        span.SetRecruitmentVacancyId(submission.VacancyId);

        if (submission.ShareCode is null)
        {
            return ManualCheck(submission);
        }

        var activity = Activity.Current;
        activity?.SetTag("rtw.share_code", submission.ShareCode); // leak TC1001 direct
        activity?.SetTag("rtw.route", submission.ShareCode[..1] == "W" ? "online-work" : "online-other"); // clean precision-about
        logger.LogInformation("Checking share code for a candidate born {DateOfBirth}", submission.DateOfBirth); // leak TC1001 direct

        try
        {
            var result = await homeOffice.CheckAsync(submission.ShareCode, submission.DateOfBirth, CompanyName, cancellationToken);
            if (result.Outcome == "photo-mismatch")
            {
                throw new ShareCodeMismatchException(submission.ShareCode, submission.CandidateId);
            }
            activity?.SetTag("rtw.outcome", result.Outcome); // clean precision-about
            activity?.SetTag("rtw.check_reference", result.CheckReference); // clean precision-names
            activity?.SetTag("rtw.permission_expires", result.PermissionExpires?.ToString("yyyy-MM")); // clean precision-about

            if (result.PermissionExpires is { } expires)
            {
                var runAt = expires.AddDays(-28).ToDateTime(TimeOnly.MinValue);
                scheduler.Schedule("rtw-follow-up", new { submission.CandidateId, submission.ShareCode }, new DateTimeOffset(runAt, TimeSpan.Zero));
                logger.LogInformation("Follow-up check scheduled under key {Key}", $"rtw:{submission.ShareCode}:{submission.DateOfBirth:yyyyMMdd}"); // leak TC1001 strings
            }
            span.AddRecruitmentCheckCompletedEvent("right_to_work", recruitmentStage: "pre_employment", recruitmentNote: result.Conditions is null ? "no conditions" : "conditions apply"); // clean precision-names
            return result;
        }
        catch (RightToWorkServiceException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogWarning("Home Office check failed with {Code}", ex.Code); // clean exceptions
            return null;
        }
        catch (ShareCodeMismatchException ex)
        {
            logger.LogError(ex, "Right-to-work check needs a second look"); // leak TC1001 exceptions
            return null;
        }
    }

    private RightToWorkResult? ManualCheck(RightToWorkSubmission submission)
    {
        var activity = Activity.Current;
        activity?.SetTag("rtw.nationality", submission.Nationality); // clean precision-about
        if (submission.PassportNumber is not { } passport)
        {
            return null;
        }
        activity?.SetTag("rtw.document_ref", Convert.ToBase64String(Encoding.UTF8.GetBytes(passport))); // leak TC1001 hashes
        activity?.SetTag("rtw.document_fingerprint", Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(passport)))); // leak TC1002 hashes
        activity?.SetTag("rtw.document_length", passport.Length); // clean precision-about
        return new RightToWorkResult("manual", $"MAN-{Guid.NewGuid():N}", null, null);
    }
}
