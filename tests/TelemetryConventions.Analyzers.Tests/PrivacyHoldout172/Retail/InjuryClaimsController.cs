namespace PrivacyHoldout172.Retail;

/// <summary>
/// Customers' injury claims (slips and trips in store) arrive from their solicitors; the retailer's claims team
/// opens a matter with its panel firm and asks the store for CCTV.
/// </summary>
[ApiController]
[Route("api/legal/injury-claims")]
public sealed class InjuryClaimsController(
    IClientStore clients,
    ILogger<InjuryClaimsController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets) : ControllerBase
{
    private static readonly ActivitySource Source = new("Retailer.Legal.InjuryClaims");
    private static readonly Meter Meter = new("Retailer.Legal.InjuryClaims");
    private static readonly Counter<long> Claims = Meter.CreateCounter<long>("retailer.legal.injury_claims");

    [HttpPost("")]
    public async Task<ActionResult> ReceiveAsync([FromBody] InjuryClaim claim, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ReceiveInjuryClaim");
        activity?.SetTag("claim.id", claim.ClaimId); // clean direct
        activity?.SetTag("claim.store", claim.StoreNumber); // clean precision-names
        activity?.SetTag("claim.customer.loyalty_number", claim.LoyaltyNumber); // leak TC1001 direct
        activity?.SetTag("claim.injury", claim.Injury); // leak TC1001 direct
        activity?.SetTag("claim.injury.length", claim.Injury.Length); // clean precision-about
        Claims.Add(1, new KeyValuePair<string, object?>("store", claim.StoreNumber)); // clean precision-names
        Claims.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.PseudonymizeShoplegalClientId(claim.LoyaltyNumber).Value)); // leak TC1003 precision-pseudonym

        var customerRef = CustomerRef(claim);
        logger.LogInformation("Claim {ClaimId} from customer {CustomerRef}", claim.ClaimId, customerRef); // leak TC1001 cross-member
        var shard = Shard(claim.LoyaltyNumber);
        logger.LogInformation("Claim {ClaimId} on shard {Shard}", claim.ClaimId, shard); // clean cross-member

        logger.LogInformation("Claim received {@Claim}", new { claim.ClaimId, claim.StoreNumber }); // clean logging-objects
        logger.LogInformation("Claim received {@Claim}", new { claim.ClaimId, claim.CustomerName }); // leak TC1001 logging-objects

        try
        {
            var customer = await clients.FindAsync(claim.LoyaltyNumber, cancellationToken) ?? throw new ClientNotFoundException(claim.LoyaltyNumber);
            activity?.SetTag("claim.customer.email_domain", customer.Email[(customer.Email.LastIndexOf('@') + 1)..]); // clean precision-about
            activity?.SetTag("claim.customer.phone", customer.Phone); // leak TC1001 direct
            return Ok(claim.ClaimId);
        }
        catch (ClientNotFoundException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("exception.type", ex.GetType().Name); // clean exceptions
            return NotFound();
        }
        catch (InsurerDeclinedException ex)
        {
            activity?.SetTag("exception.message", ex.Message); // clean exceptions
            return BadRequest(ex.Message);
        }
    }

    private static string CustomerRef(InjuryClaim claim) => $"{claim.CustomerName} ({claim.LoyaltyNumber})";

    private int Shard(string loyaltyNumber) => HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(loyaltyNumber))[0] % 16;
}
