using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout39.Support;
using PrivacyHoldout39.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout39.Education;

// Sign-up for the homework community: pupils under 13 need a parent's consent before they can post or
// message classmates. The parent gets a consent link and picks the pupil's controls (who may message
// them, whether their posts need a teacher's approval).

public sealed record PupilSignUp(string StudentNumber, string SchoolUrn, DateOnly DateOfBirth, string ParentEmail);

public sealed record ParentalControls(string MessagingScope, bool PostsNeedApproval, bool ShowInLeaderboards);

public sealed record ConsentRequest(Guid ConsentId, string StudentNumber, string ParentEmail, string Token);

public interface IConsentStore
{
    Task SaveAsync(ConsentRequest request, CancellationToken cancellationToken);

    Task<ConsentRequest?> FindAsync(Guid consentId, CancellationToken cancellationToken);

    Task ApplyControlsAsync(string studentNumber, ParentalControls controls, CancellationToken cancellationToken);
}

public static class ConsentTelemetry
{
    /// <summary>Tags the pupil a consent step is about on the current span.</summary>
    public static void TagPupil(Activity? activity, string studentNumber)
    {
        activity?.SetTag("consent.pupil", studentNumber); // leak TC1001 direct
    }
}

public sealed class ParentalConsentFlow(
    IConsentStore store,
    IMailSender mail,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<ParentalConsentFlow> logger)
{
    private static readonly ActivitySource Source = new("Learning.Community.Consent");
    private readonly Histogram<int> _signUpAge = meter.CreateHistogram<int>("community.signup.age", "a");

    public async Task<bool> SignUpAsync(PupilSignUp signUp, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("community.signup");
        var age = AgeToday(signUp.DateOfBirth);
        activity?.SetTag("signup.school", signUp.SchoolUrn); // clean precision-about
        activity?.SetTag("signup.needs_consent", age < 13); // clean precision-about
        _signUpAge.Record(age, new KeyValuePair<string, object?>("school", signUp.SchoolUrn)); // clean precision-about

        if (age >= 13)
        {
            return true;
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var request = new ConsentRequest(Guid.NewGuid(), signUp.StudentNumber, signUp.ParentEmail, token);
        await store.SaveAsync(request, cancellationToken);
        await mail.SendAsync(signUp.ParentEmail, "Please approve your child's account", $"https://homework.example.sch.uk/consent/{request.ConsentId}?t={token}", cancellationToken);

        ConsentTelemetry.TagPupil(activity, signUp.StudentNumber); // leak TC1001 cross-member
        activity?.SetTag("consent.id", request.ConsentId); // clean precision-about
        logger.LogInformation("Consent requested from {ParentEmail}", signUp.ParentEmail); // leak TC1001 direct
        logger.LogInformation("Consent request {@Request} stored", request); // leak TC1001 logging-objects
        activity?.SetBaggage("consent.pupil_ref", pseudonymizer.ComputeCommunityMemberId(signUp.StudentNumber)); // clean precision-pseudonym
        return false;
    }

    public async Task ApproveAsync(Guid consentId, string token, ParentalControls controls, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("community.consent.approve");
        var request = await store.FindAsync(consentId, cancellationToken);
        if (request is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(request.Token), Encoding.UTF8.GetBytes(token)))
        {
            activity?.SetTag("consent.token_length", token.Length); // clean precision-about
            return;
        }

        await store.ApplyControlsAsync(request.StudentNumber, controls, cancellationToken);
        ConsentTelemetry.TagPupil(activity, pseudonymizer.ComputeCommunityMemberId(request.StudentNumber)); // clean precision-pseudonym
        activity?.SetTag("controls.messaging_scope", controls.MessagingScope); // clean precision-about
        logger.LogInformation("Controls applied {Controls}", controls); // clean logging-objects
        var parentDigest = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(request.ParentEmail.ToLowerInvariant())));
        logger.LogInformation("Consent given by parent {ParentDigest}", parentDigest); // leak TC1002 hashes
        meter.CreateCommunityInvitationsCounter().Add(1, "consent-link", communityOutcome: "approved"); // clean precision-about
    }

    private static int AgeToday(DateOnly dateOfBirth)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var age = today.Year - dateOfBirth.Year;
        return dateOfBirth.AddYears(age) > today ? age - 1 : age;
    }
}
