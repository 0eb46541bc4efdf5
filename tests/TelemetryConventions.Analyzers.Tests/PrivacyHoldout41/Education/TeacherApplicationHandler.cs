using System;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout41.Support;
using PrivacyHoldout41.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout41.Education;

/// <summary>An application posted by the trust's careers site for a teaching vacancy at one of its schools.</summary>
public sealed record TeacherApplicationReceived(
    string ApplicationId,
    string VacancyId,
    string SchoolUrn,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    string? TeacherReferenceNumber,
    string Source);

/// <summary>
/// Creates the candidate in the applicant tracking system, starts the safer-recruitment checks and
/// moves the application into screening.
/// </summary>
public sealed class TeacherApplicationHandler(
    IApplicantTrackingClient ats,
    Pseudonymizer pseudonymizer,
    ILogger<TeacherApplicationHandler> logger,
    Meter meter) : INotificationHandler<TeacherApplicationReceived>
{
    private static readonly ActivitySource Source = new("Trust.Recruitment.Applications");

    public async Task Handle(TeacherApplicationReceived application, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("ats.application_id", application.ApplicationId); // clean precision-names
        activity?.SetTag("ats.vacancy_id", application.VacancyId); // clean precision-names
        activity?.SetTag("ats.school_urn", application.SchoolUrn); // clean precision-names
        activity?.SetTag("ats.email_domain", application.Email[(application.Email.IndexOf('@') + 1)..]); // clean precision-about
        activity?.SetTag(RecruitmentAttributes.CandidateContact, application.Email); // leak TC1001 generated-api

        Candidate candidate;
        try
        {
            candidate = await ats.CreateCandidateAsync(application.FirstName, application.LastName, application.Email, application.Phone, cancellationToken);
        }
        catch (AtsApiException ex) when (ex.StatusCode == 409)
        {
            logger.LogWarning(ex, "Candidate already in the ATS for application {ApplicationId}", application.ApplicationId); // leak TC1001 exceptions
            return;
        }
        catch (AtsApiException ex) when (ex.StatusCode == 429)
        {
            logger.LogWarning(ex, "ATS throttled application {ApplicationId}; the webhook will be retried", application.ApplicationId); // clean exceptions
            throw;
        }

        activity?.SetTag("ats.candidate_id", candidate.CandidateId); // leak TC1001 direct
        logger.LogInformation("Application {ApplicationId} from {FirstName} {LastName} via {Source}", application.ApplicationId, application.FirstName, application.LastName, application.Source); // leak TC1001 direct
        logger.LogInformation("Teacher reference number supplied: {HasTrn}", application.TeacherReferenceNumber is not null); // clean precision-about

        using var screening = Source.StartRecruitmentScreening("teacher_registration"); // clean precision-names
        screening.SetRecruitmentCandidateId(pseudonymizer.PseudonymizeRecruitmentCandidateId(candidate.CandidateId)); // clean precision-pseudonym
        screening.SetRecruitmentVacancyId(application.VacancyId);
        if (application.TeacherReferenceNumber is { Length: not 7 } trn)
        {
            screening.SetRecruitmentNote($"TRN {trn} is not seven digits"); // leak TC1001 generated-api
        }

        await ats.MoveStageAsync(application.ApplicationId, "screening", cancellationToken);
        meter.CreateRecruitmentChecksCounter().Add(1, "teacher_registration", "screening"); // clean precision-names
    }
}
