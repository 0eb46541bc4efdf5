namespace PrivacyHoldout120.Retail;

public sealed class PlanNotFoundException(string customerNumber, string serialNumber)
    : Exception($"No protection plan for customer {customerNumber} and product serial {serialNumber}");

public sealed class RepairPartnerUnavailableException(string partner)
    : Exception($"Repair partner {partner} is not taking bookings");

/// <summary>Repair and replacement claims under a protection plan, booked with the repair partner.</summary>
public sealed class PlanRepairClaims(IClaimsApi claims, ILogger<PlanRepairClaims> logger)
{
    private static readonly ActivitySource Source = new("Retail.ProtectionPlans.Claims");

    public async Task<string?> ClaimAsync(string customerNumber, string productSerial, string fault, string policyNumber, CancellationToken ct)
    {
        using var activity = Source.StartActivity("protectplan.claim");
        activity?.SetTag("claim.fault", fault); // clean precision-about
        try
        {
            if (string.IsNullOrEmpty(policyNumber))
            {
                throw new PlanNotFoundException(customerNumber, productSerial);
            }

            var intake = await claims.SubmitFnolAsync(new FirstNoticeOfLoss(policyNumber, DateTimeOffset.UtcNow, fault, fault, customerNumber, "n/a"), ct);
            activity?.SetTag("claim.id", intake.ClaimId); // clean precision-names
            return intake.ClaimId;
        }
        catch (PlanNotFoundException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogWarning(ex, "Plan lookup failed"); // leak TC1001 exceptions
            return null;
        }
        catch (RepairPartnerUnavailableException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Repair booking failed"); // clean exceptions
            return null;
        }
    }
}
