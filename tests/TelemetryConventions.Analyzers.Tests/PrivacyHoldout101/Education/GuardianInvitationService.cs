namespace PrivacyHoldout101.Education;

/// <summary>An invitation the school office sends to a guardian: the code printed on the letter, the student and the guardian's email.</summary>
public sealed record GuardianInvitation(string InvitationCode, string StudentNumber, string GuardianEmail, string Relationship, DateTimeOffset ExpiresAt);

public interface IInvitationStore
{
    Task<GuardianInvitation?> RedeemAsync(string invitationCode, CancellationToken cancellationToken);
}

public interface IGuardianLinks
{
    Task<int> LinkAsync(string guardianAccountId, string studentNumber, string relationship, CancellationToken cancellationToken);
}

/// <summary>Guardian sign-up by invitation, email verification and password reset for the parent app.</summary>
public sealed partial class GuardianInvitationService(
    IInvitationStore invitations,
    IGuardianLinks links,
    IAccountManager<AccountUser> accounts,
    IAccountMessenger messenger,
    IdentityOptions options,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<GuardianInvitationService> logger)
{
    private readonly LearnacctFlowsCounter _flows = meter.CreateLearnacctFlowsCounter();
    private readonly Counter<long> _resets = meter.CreateCounter<long>("learnacct.password_resets");

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Guardian {GuardianEmail} linked to student {StudentNumber} as {Relationship}")]
    private static partial void LogLinked(ILogger logger, string guardianEmail, string studentNumber, string relationship);

    public async Task<bool> AcceptAsync(string invitationCode, string password, CancellationToken cancellationToken)
    {
        using var span = source.StartLearnacctFlow("sign_up").SetLearnacctClientId("parent-app");
        var invitation = await invitations.RedeemAsync(invitationCode, cancellationToken);
        if (invitation is null)
        {
            logger.LogInformation("Unknown or used invitation code {InvitationLength} characters long", invitationCode.Length); // clean precision-about
            span.SetLearnacctOutcome("invalid");
            return false;
        }
        span.SetLearnacctStudentId(pseudonymizer.PseudonymizeLearnacctStudentId(invitation.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("learnacct.invitation.relationship", invitation.Relationship); // clean precision-names

        var guardian = new AccountUser { UserName = invitation.GuardianEmail, Email = invitation.GuardianEmail, EmailConfirmed = true };
        var created = await accounts.CreateAsync(guardian, password);
        if (!created.Succeeded)
        {
            var first = created.Errors.First();
            Activity.Current?.AddLearnacctFlowFailedEvent("sign_up", first.Code, learnacctNote: first.Description); // leak TC1001 generated-api
            logger.LogWarning("Guardian sign-up failed: {Codes}", string.Join(",", created.Errors.Select(e => e.Code))); // clean strings
            return false;
        }

        var linked = await links.LinkAsync(guardian.Id, invitation.StudentNumber, invitation.Relationship, cancellationToken);
        LogLinked(logger, guardian.Email!, invitation.StudentNumber, invitation.Relationship); // leak TC1001 logging-objects
        Activity.Current?.SetTag("learnacct.guardian.links", linked); // clean precision-about
        _flows.Add(1, "sign_up", "ok", "local"); // clean generated-api
        return true;
    }

    public async Task RequestPasswordResetAsync(string email, CancellationToken cancellationToken)
    {
        using var span = source.StartLearnacctFlow("password_reset");
        var user = await accounts.FindByEmailAsync(email);
        if (user is null)
        {
            logger.LogInformation("Password reset for unknown address {Email}", email); // leak TC1001 direct
            _resets.Add(1, new KeyValuePair<string, object?>("learnacct.known", false)); // clean precision-about
            return;
        }
        var token = await accounts.GeneratePasswordResetTokenAsync(user);
        var resetUrl = new UriBuilder(options.Authority) { Path = "/parents/reset", Query = $"email={Uri.EscapeDataString(email)}&code={Uri.EscapeDataString(token)}" }.Uri;
        span.SetLearnacctNote(resetUrl.AbsoluteUri); // leak TC1001 generated-api
        Activity.Current?.SetTag("learnacct.reset.host", resetUrl.Host); // clean precision-about
        _resets.Add(1, new KeyValuePair<string, object?>("learnacct.email_domain", email.Split('@')[1])); // clean precision-about
        await messenger.SendEmailAsync(email, options.ResetPasswordTemplateId, new Dictionary<string, string> { ["url"] = resetUrl.AbsoluteUri }, cancellationToken);
        logger.LogInformation("Reset mail sent with template {ResetPasswordTemplateId}", options.ResetPasswordTemplateId); // clean precision-names
    }
}
