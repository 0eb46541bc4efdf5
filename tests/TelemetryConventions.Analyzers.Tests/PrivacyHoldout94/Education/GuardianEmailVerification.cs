namespace PrivacyHoldout94.Education;

public sealed record GuardianContactChange(string GuardianId, string StudentNumber, string Email, string Relationship);

public interface IVerificationMailer
{
    Task SendAsync(string to, Uri link, CancellationToken cancellationToken);
}

/// <summary>
/// When a parent adds or changes their email in the parent app, the school checks it (syntax, MX, the
/// disposable-domain list, the verifier's SMTP probe) and mails a verification link before any report or
/// absence message goes to it.
/// </summary>
public sealed class GuardianEmailVerification(
    IEmailVerifier verifier,
    IMxResolver mx,
    DisposableDomainList disposable,
    VerificationTokenIssuer issuer,
    IVerificationMailer mailer,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<GuardianEmailVerification> logger)
{
    private readonly GuardcheckChecksCounter _checks = meter.CreateGuardcheckChecksCounter();
    private readonly Counter<long> _rejected = meter.CreateCounter<long>("guardcheck.email.rejected");

    public async Task<bool> VerifyAsync(GuardianContactChange change, CancellationToken cancellationToken)
    {
        var guardian = pseudonymizer.PseudonymizeGuardcheckGuardianId(change.GuardianId);
        using var span = source.StartGuardcheckCheck("email");
        span.SetGuardcheckGuardianId(guardian); // clean precision-pseudonym
        span.Activity?.SetTag("guardcheck.relationship", change.Relationship); // clean precision-about
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["GuardianId"] = change.GuardianId, ["Student"] = change.StudentNumber }); // leak TC1001 logging-objects

        var email = EmailSyntax.Normalise(change.Email);
        if (!EmailSyntax.TryParse(email, out _, out var domain))
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("reason", "syntax")); // clean precision-names
            logger.LogInformation("Guardian email {Email} failed the syntax check", email); // leak TC1001 direct
            return false;
        }

        span.SetGuardcheckEmailDomain(domain); // clean precision-about
        var isDisposable = disposable.Contains(domain);
        span.SetGuardcheckDisposable(isDisposable); // clean precision-about
        span.Activity?.SetTag("guardcheck.disposable.list_version", disposable.Version); // clean precision-names
        if (isDisposable)
        {
            _rejected.Add(1, new KeyValuePair<string, object?>("domain", domain)); // clean precision-about
            logger.LogWarning("Disposable address offered for guardian {Guardian}: {Address}", guardian, change.Email); // leak TC1001 direct
            return false;
        }

        try
        {
            var exchangers = await mx.ResolveAsync(domain, cancellationToken);
            logger.LogDebug("MX for {Domain}: {Exchangers}", domain, exchangers); // clean logging-objects
            span.Activity?.SetTag("guardcheck.mx.hosts", string.Join(",", exchangers.OrderBy(e => e.Preference).Select(e => e.Exchange))); // clean precision-about
        }
        catch (MxLookupException ex)
        {
            span.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "MX lookup failed ({Code})", ex.ResponseCode); // clean exceptions
            return false;
        }

        var result = await verifier.VerifyAsync(email, cancellationToken);
        // The parent app shows the guardian's avatar from the avatar service, which is keyed by MD5 of the address.
        span.Activity?.SetTag("guardcheck.avatar.hash", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(email))).ToLowerInvariant()); // leak TC1002 hashes
        span.SetGuardcheckVerdict(result.Deliverability.ToString());
        _checks.Add(1, "email", result.Deliverability.ToString());
        if (result.DidYouMean is { } suggestion)
        {
            span.SetGuardcheckNote("suggested " + suggestion); // leak TC1001 generated-api
        }
        if (result.Deliverability == Deliverability.Undeliverable)
        {
            logger.LogInformation("Probe refused: {SmtpResponse}", result.SmtpResponse); // leak TC1001 strings
            logger.LogGuardcheckCheckFailedEvent("email", "undeliverable", guardian, guardcheckNote: result.IsCatchAll ? "catch-all domain" : "mailbox refused"); // clean generated-api
            return false;
        }

        var token = issuer.Issue(email, options.VerificationLifetime);
        var link = issuer.BuildLink(options.VerificationBaseUri, token);
        await mailer.SendAsync(email, link, cancellationToken);
        span.Activity?.SetTag("guardcheck.token.id", token.TokenId); // clean precision-names
        span.Activity?.SetTag("guardcheck.token.expires", token.ExpiresAt); // clean precision-about
        logger.LogDebug("Verification link sent: {Link}", link); // leak TC1001 strings
        logger.LogDebug("Issued {Token}", token); // leak TC1001 logging-objects
        span.Activity?.SetTag("guardcheck.link.host", link.Host); // clean precision-about
        return true;
    }

    public void Confirmed(GuardianContactChange change, VerificationToken token)
    {
        Activity.Current?.SetTag(GuardcheckAttributes.GuardianContact, change.Email); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("guardian.pseudonym", pseudonymizer.PseudonymizeGuardcheckGuardianId(change.GuardianId).Value); // clean precision-pseudonym
        logger.LogInformation("Guardian {Guardian} confirmed the address for student {Student}", pseudonymizer.PseudonymizeGuardcheckGuardianId(change.GuardianId), change.StudentNumber); // leak TC1001 direct
    }

    public void Expired(VerificationTokenExpiredException ex) =>
        logger.LogInformation(ex, "Verification token expired: {TokenId}", ex.TokenId); // clean exceptions
}
