namespace PrivacyHoldout108.Retail;

public sealed record CreditApplication(string ApplicationId, string CustomerNumber, string FirstName, string LastName, string Email, string Mobile, string Postcode, decimal CreditLimit, string StoreCode, string ColleagueId);

public sealed class SignerValidationException(string email, string reason)
    : Exception($"Signer '{email}' cannot receive the agreement: {reason}.")
{
    public string Reason { get; } = reason;
}

/// <summary>Store credit: the colleague at the till sends the regulated credit agreement to the customer, who signs it on their phone after an SMS code.</summary>
[ApiController]
[Route("credit/agreements")]
public sealed class CreditAgreementSigning(
    EnvelopesApi envelopes,
    SigningOptions options,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<CreditAgreementSigning> logger) : ControllerBase
{
    [HttpPost("")]
    public async Task<ActionResult> SendAsync([FromBody] CreditApplication application, CancellationToken cancellationToken)
    {
        using var span = source.StartCreditsignEnvelopeSend(application.ApplicationId);
        span.Activity?.SetTag("credit.store", application.StoreCode); // clean precision-names
        span.Activity?.SetTag("credit.limit_band", application.CreditLimit switch { < 500m => "low", < 2000m => "mid", _ => "high" }); // clean precision-about
        span.Activity?.SetTag("credit.postcode_district", application.Postcode.Split(' ')[0]); // clean precision-about
        span.Activity?.SetTag("credit.postcode", application.Postcode); // leak TC1001 direct
        span.Activity?.SetTag("credit.customer", application.CustomerNumber); // leak TC1001 direct
        span.Activity?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 cross-member

        if (!application.Email.Contains('@'))
        {
            var invalid = new SignerValidationException(application.Email, "no mailbox");
            logger.LogWarning(invalid, "Credit agreement not sent for application {ApplicationId}", application.ApplicationId); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, invalid.Reason); // clean exceptions
            return BadRequest(invalid.Reason);
        }

        var definition = new EnvelopeDefinition
        {
            TemplateId = "tpl-credit-agreement-cca",
            EmailSubject = $"{application.FirstName}, your credit agreement is ready to sign",
            Recipients = new Recipients { Signers = [new Signer { Email = application.Email, Name = $"{application.FirstName} {application.LastName}", RecipientId = "1", RoleName = "Borrower" }] },
            Notification = new Notification { Expirations = new Expirations { ExpireEnabled = "true", ExpireAfter = "7", ExpireWarn = "2" } },
            Status = "sent",
        };
        span.Activity?.SetTag("credit.email_subject", definition.EmailSubject); // leak TC1001 strings
        span.Activity?.SetTag("credit.expire_after", definition.Notification.Expirations.ExpireAfter); // clean precision-about

        try
        {
            var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, definition, cancellationToken);
            span.SetCreditsignEnvelopeId(summary.EnvelopeId!) // clean generated-api
                .SetCreditsignTemplateId(definition.TemplateId) // clean generated-api
                .SetCreditsignSignerId(pseudonymizer.PseudonymizeCreditsignSignerId(application.CustomerNumber)) // clean precision-pseudonym
                .SetCreditsignSenderId(pseudonymizer.PseudonymizeCreditsignSenderId(application.ColleagueId)) // clean precision-pseudonym
                .SetCreditsignEnvelopeStatus(summary.Status!); // clean generated-api
            span.Activity?.SetTag(CreditsignAttributes.SignerContact, pseudonymizer.Compute("customer.contact", application.Mobile)); // leak TC1001 precision-pseudonym
            span.Activity?.SetTag(CreditsignAttributes.SenderId, application.ColleagueId); // leak TC1001 generated-api
            logger.LogInformation("Credit agreement {EnvelopeId} sent to {Mobile} for SMS authentication", summary.EnvelopeId, application.Mobile); // leak TC1001 direct
            logger.LogInformation("Credit agreement {EnvelopeId} sent for SMS authentication to a {Digits}-digit number", summary.EnvelopeId, application.Mobile.Count(char.IsDigit)); // clean precision-about
            meter.CreateCreditsignEnvelopesCounter().Add(1, definition.TemplateId, "sent"); // clean generated-api
            return Ok(summary.EnvelopeId);
        }
        catch (ApiException ex) when (ex.ErrorCode == 400)
        {
            // e.g. INVALID_EMAIL_ADDRESS_FOR_RECIPIENT: "The email address for the recipient is invalid. The recipient Id follows."
            span.RecordException(ex, "provider refused the envelope", includeMessage: true); // clean exceptions
            logger.LogCreditsignEnvelopeFailedEvent(application.ApplicationId, "refused", creditsignNote: ex.Message); // clean exceptions
            logger.LogCreditsignEnvelopeFailedEvent(application.ApplicationId, "refused", creditsignNote: $"{ex.Message} ({application.Email})"); // leak TC1001 generated-api
            return BadRequest(ex.Message);
        }
    }
}
