namespace PrivacyHoldout108.Media;

public sealed record AccessibilityRequest(Guid SubscriberId, Guid ProfileId, string ProfileName, string Email, string Needs, string Platform);

public interface ISubscriberDirectory
{
    Task<bool> ExistsAsync(Guid subscriberId, CancellationToken cancellationToken);
}

public sealed class SubscriberNotFoundException(Guid subscriberId) : Exception($"Subscriber {subscriberId} not found.");

/// <summary>Signed forms of the streaming service's subscribers: accessibility adjustments and data requests, filled in and e-signed in the help centre.</summary>
[ApiController]
[Route("help/forms")]
public sealed class SubscriberFormsController(ISubscriberDirectory directory, EnvelopesApi envelopes, SigningOptions options, Pseudonymizer pseudonymizer, ILogger<SubscriberFormsController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Streaming.HelpCentre.Forms");

    [HttpPost("accessibility")]
    public async Task<ActionResult> AccessibilityAsync([FromBody] AccessibilityRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("forms.accessibility");
        activity?.SetTag("form.platform", request.Platform); // clean precision-names
        activity?.SetTag("form.trace", HttpContext.TraceIdentifier); // clean precision-names
        var session = HttpContext.User;
        activity?.SetTag("form.user_email", session.Email); // leak TC1001 cross-member
        activity?.SetTag("form.profile", $"{request.ProfileId}/{request.ProfileName}"); // leak TC1001 strings
        try
        {
            if (!await directory.ExistsAsync(request.SubscriberId, cancellationToken))
            {
                throw new SubscriberNotFoundException(request.SubscriberId);
            }
            var summary = await envelopes.CreateEnvelopeAsync(options.AccountId, new EnvelopeDefinition
            {
                TemplateId = "tpl-accessibility-adjustments",
                EmailSubject = "Your accessibility request",
                Recipients = new Recipients { Signers = [new Signer { Email = request.Email, Name = request.ProfileName, RecipientId = "1" }] },
                Status = "sent",
            }, cancellationToken);
            Activity.Current.EnrichReleasesignEnvelopeSend(summary.EnvelopeId!).SetReleasesignSignerId(pseudonymizer.PseudonymizeReleasesignSignerId(request.SubscriberId.ToString())); // clean precision-pseudonym
            logger.LogInformation("Accessibility form {EnvelopeId} sent to subscriber {SubscriberId}", summary.EnvelopeId, request.SubscriberId); // leak TC1001 direct
            return Ok(summary.EnvelopeId);
        }
        catch (SubscriberNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            return NotFound(ex.GetType().Name);
        }
        catch (ApiException ex)
        {
            logger.LogError("Accessibility envelope for {Email} failed: {Code}", request.Email, ex.ErrorCode); // leak TC1001 direct
            logger.LogError("Accessibility envelope failed: {Code}", ex.ErrorCode); // clean exceptions
            return BadRequest();
        }
    }
}
