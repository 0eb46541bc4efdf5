namespace PrivacyHoldout172.Energy;

/// <summary>
/// Collections refer debts to the supplier's panel firm: the referral opens a matter at the firm. Accounts on the
/// priority services register must never go to litigation.
/// </summary>
[ApiController]
[Route("api/collections/legal-referrals")]
public sealed class DebtReferralController(
    IClientStore clients,
    ILogger<DebtReferralController> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    Meter meter) : ControllerBase
{
    private static readonly ActivitySource Source = new("Supplier.Collections.Legal");
    private readonly Histogram<double> _debt = meter.CreateHistogram<double>("supplier.legal.referred_debt", "GBP");

    [HttpPost("")]
    public async Task<ActionResult> ReferAsync([FromBody] DebtReferral referral, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("ReferDebt");
        activity?.SetTag("legal.referral_id", referral.ReferralId); // clean precision-names
        activity?.SetTag("legal.account_number", referral.AccountNumber); // leak TC1001 direct
        activity?.SetTag("legal.mpan.distributor", referral.Mpan[..2]); // clean precision-about
        activity?.SetTag("legal.mpan", referral.Mpan); // leak TC1001 direct
        activity?.SetTag("legal.customer_type", "domestic"); // clean precision-names
        TagCustomer(activity, referral.AccountNumber); // leak TC1001 cross-member
        _debt.Record((double)referral.Debt, new KeyValuePair<string, object?>("band", referral.Debt > 1000 ? "high" : "low")); // clean precision-about
        _debt.Record((double)referral.Debt, new KeyValuePair<string, object?>("account", referral.AccountNumber)); // leak TC1003 direct

        var digest = Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(referral.AccountNumber)));
        logger.LogInformation("Referral {ReferralId} dedupe key {Digest}", referral.ReferralId, digest); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(referral.AccountNumber))[0] & 0x0F;
        logger.LogInformation("Referral {ReferralId} on shard {Shard}", referral.ReferralId, shard); // clean hashes

        try
        {
            var client = await clients.FindAsync(referral.AccountNumber, cancellationToken) ?? throw new ClientNotFoundException(referral.AccountNumber);
            if (client.Postcode.StartsWith("PSR", StringComparison.Ordinal))
            {
                throw new ProtectedAccountException(referral.AccountNumber);
            }

            var account = pseudonymizer.PseudonymizeEnergylegalClientId(referral.AccountNumber);
            activity?.SetTag("legal.account", account); // clean precision-pseudonym
            activity?.SetTag("legal.customer.outward", client.Postcode.Split(' ')[0]); // clean precision-about
            logger.LogInformation("Referring {CustomerName} for {Debt:C}", referral.CustomerName, referral.Debt); // leak TC1001 direct
            return Ok(referral.ReferralId);
        }
        catch (ProtectedAccountException ex)
        {
            logger.LogWarning("Referral blocked: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, "priority_services_register"); // clean exceptions
            return BadRequest("The account cannot be referred.");
        }
        catch (ClientNotFoundException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            return NotFound();
        }
    }

    private static void TagCustomer(Activity? activity, string accountNumber)
    {
        activity?.SetTag("legal.customer", accountNumber); // leak TC1001 direct
        activity?.SetTag("legal.customer.number_length", accountNumber.Length); // clean precision-about
    }
}
