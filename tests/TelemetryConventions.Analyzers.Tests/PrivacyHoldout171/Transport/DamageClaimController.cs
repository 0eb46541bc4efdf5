using OpenTelemetry.Trace;

namespace PrivacyHoldout171.Transport;

public sealed record DamageReport(string AgreementNumber, string MemberId, string MemberEmail, string Description, string Panel, string[] PhotoNames);

/// <summary>Members report damage at the end of a trip; the claims team decides the charge.</summary>
[ApiController]
[Route("api/damage")]
public sealed class DamageClaimController(
    IDamageClaimStore claims,
    Pseudonymizer pseudonymizer,
    ILogger<DamageClaimController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("CityShare.Damage");
    private static readonly Meter Meter = new("CityShare.Damage");
    private readonly CityshareRentalsCounter _rentals = Meter.CreateCityshareRentalsCounter();

    [HttpPost("reports")]
    public ActionResult Report([FromBody] DamageReport report)
    {
        using var span = Source.StartCityshareOperation("damage-desk");
        span.SetCityshareRenterId(pseudonymizer.PseudonymizeCityshareRenterId(report.MemberId)); // clean generated-api
        span.SetCityshareNote($"Damage to {report.Panel} reported on {report.AgreementNumber}"); // clean generated-api
        span.SetCityshareNote($"Reported by {report.MemberEmail}"); // leak TC1001 generated-api
        span.SetCityshareItemCount(report.PhotoNames.Length); // clean precision-about

        Activity.Current?.SetTag("damage.description", report.Description); // leak TC1001 direct
        Activity.Current?.SetTag("damage.description.length", report.Description.Length); // clean precision-about
        Activity.Current?.SetTag("damage.photo.names", string.Join(",", report.PhotoNames)); // leak TC1001 strings
        logger.LogInformation("Damage report on {Agreement} for panel {Panel}", report.AgreementNumber, report.Panel); // clean precision-names
        logger.LogInformation("Damage report received: {@Report}", report); // leak TC1001 logging-objects
        _rentals.Add(1, "damage-desk", "reported"); // clean generated-api
        return Ok();
    }

    [HttpPost("claims/{claimId}/decide")]
    public async Task<ActionResult> Decide(string claimId, decimal charged)
    {
        var claim = await claims.FindAsync(claimId);
        if (claim is null)
        {
            return NotFound();
        }

        using var activity = Source.StartActivity("damage.decide");
        activity?.SetTag("damage.claim.id", claim.ClaimId); // clean precision-names
        activity?.SetTag("damage.estimate", claim.Estimate); // clean precision-about
        activity?.SetTag("damage.renter", claim.RenterId); // leak TC1001 direct
        try
        {
            await claims.SaveAsync(new ClaimDecision(claim.ClaimId, claim.Panel, charged, "charged"));
            logger.LogInformation("Claim decided: {Decision}", new ClaimDecision(claim.ClaimId, claim.Panel, charged, "charged")); // clean logging-objects
        }
        catch (DamageDisputedException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Claim {ClaimId} disputed by {Renter}", claim.ClaimId, claim.RenterId); // leak TC1001 exceptions
            _rentals.Add(1, "damage-desk", $"disputed-{claim.RenterId}"); // leak TC1003 generated-api
        }

        return Ok();
    }
}

/// <summary>Sends the damage invoice to the member and records what the billing provider answered.</summary>
public sealed class DamageInvoiceSender(IRenterMessenger messenger, IRenterStore renters, ILogger<DamageInvoiceSender> logger)
{
    private static readonly ActivitySource Source = new("CityShare.DamageInvoices");

    public async Task SendAsync(DamageClaim claim, ClaimDecision decision, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("damage.invoice");
        activity?.SetTag("damage.claim.id", decision.ClaimId); // clean precision-names
        activity?.SetTag("damage.charged", decision.Charged); // clean precision-about
        var renter = await renters.FindAsync(claim.RenterId, cancellationToken);
        if (renter is null)
        {
            var ex = new RenterNotFoundException(claim.RenterId);
            activity?.RecordException(ex); // leak TC1001 exceptions
            return;
        }

        try
        {
            await messenger.SendAsync(renter.Email, "Damage charge", $"We charged {decision.Charged:C} for the {decision.Panel}.", cancellationToken);
            logger.LogInformation("Invoice for {ClaimId} sent", decision.ClaimId); // clean precision-names
        }
        catch (TimeoutException ex)
        {
            activity?.RecordException(ex); // clean exceptions
            logger.LogWarning(ex, "Invoice for {ClaimId} to {Email} timed out", decision.ClaimId, renter.Email); // leak TC1001 direct
        }

        logger.LogInformation("Invoice claim {Claim}", claim); // leak TC1001 logging-objects
        logger.LogInformation("Invoice decision {Decision}", decision); // clean logging-objects
    }
}
