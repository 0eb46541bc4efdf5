using LaunchDarkly.Webhooks;

namespace PrivacyHoldout115.Healthcare;

/// <summary>
/// Receives LaunchDarkly's audit log webhook for the trust's project, checks its signature and keeps
/// the change in the clinical safety log that the DCB0129 hazard log points at.
/// </summary>
[ApiController]
[Route("webhooks/launchdarkly")]
public sealed class FlagAuditWebhookController(IFlagStore store, FlagOptions options, Pseudonymizer pseudonymizer, ILogger<FlagAuditWebhookController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Trust.Flags.Audit");

    [HttpPost]
    public async Task<ActionResult> ReceiveAsync([FromBody] AuditLogEntry entry, CancellationToken ct)
    {
        var signature = HttpContext.RequestHeaders.TryGetValue("X-LD-Signature", out var s) ? s : "";
        Activity.Current?.SetTag("webhook.signature.present", signature.Length > 0); // clean precision-about
        Activity.Current?.SetTag("webhook.signature", signature); // clean hashes

        using var span = Source.StartCareflagChange(entry.Name).SetCareflagOutcome(entry.TitleVerb); // clean generated-api
        span.SetCareflagOperatorId(pseudonymizer.PseudonymizeCareflagOperatorId(entry.Member.Id)); // clean precision-pseudonym
        Activity.Current?.SetTag("ld.audit.id", entry.Id); // clean direct
        Activity.Current?.SetTag("ld.audit.kind", entry.Kind); // clean precision-names
        Activity.Current?.SetTag("ld.audit.member", entry.Member.Email); // leak TC1001 direct
        Activity.Current?.SetTag("ld.audit.actions", string.Join(",", entry.Accesses.Select(a => a.Action))); // clean precision-names

        logger.LogInformation("LaunchDarkly: {Title}", entry.Title); // leak TC1001 strings
        logger.LogInformation("LaunchDarkly change {Id} to {Flag}: {Verb}", entry.Id, entry.Name, entry.TitleVerb); // clean strings
        logger.LogDebug("Audit entry {Entry}", entry); // leak TC1001 logging-objects
        logger.LogDebug("Changed by {FirstName} {LastName}", entry.Member.FirstName, entry.Member.LastName); // leak TC1001 direct

        var change = new FlagChange(entry.Name, options.Environment, entry.TitleVerb, null, null, entry.Member.Email, DateTimeOffset.FromUnixTimeMilliseconds(entry.Date));
        await store.AppendChangeAsync(change, ct);
        logger.LogInformation("Safety log updated for {Flag} at {At}", change.FlagKey, change.At); // clean logging-objects
        span.SetCareflagNote(entry.Description); // leak TC1001 generated-api
        return Ok();
    }
}
