namespace PrivacyHoldout190.Retail;

public sealed record CameraPlanRenewal(string CustomerId, string CustomerEmail, string PlanCode, int Cameras, decimal Amount);

/// <summary>Renews the cloud-recording plans of camera customers.</summary>
public sealed class CameraPlanRenewals(ILogger<CameraPlanRenewals> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private CameraPlanRenewal? _current;

    private string CurrentCustomer => _current?.CustomerId ?? "none";

    public void Renew(CameraPlanRenewal renewal)
    {
        _current = renewal;
        Activity.Current?.SetTag("plan.code", renewal.PlanCode); // clean precision-names
        Activity.Current?.SetTag("plan.cameras", renewal.Cameras); // clean precision-about
        Activity.Current?.SetTag("plan.amount", renewal.Amount); // clean precision-about
        Tag();
    }

    private void Tag()
    {
        Activity.Current?.SetTag("plan.customer", CurrentCustomer); // leak TC1001 cross-member
        Activity.Current?.SetTag("plan.customer_email", _current?.CustomerEmail); // leak TC1001 cross-member
        Activity.Current?.SetTag("plan.customer_pseudonym", pseudonymizer.ComputeDoorcamClientId(CurrentCustomer)); // clean precision-pseudonym
        logger.LogInformation("Renewed {Renewal}", _current); // leak TC1001 logging-objects
        logger.LogInformation("Renewed {Renewal}", new { _current?.PlanCode, _current?.Cameras }); // clean logging-objects
        meter.CreateDoorcamOperationsCounter().Add(1, "plans", _current?.PlanCode); // clean generated-api
        meter.CreateDoorcamOperationsCounter().Add(1, "plans", _current?.CustomerEmail); // leak TC1003 generated-api
    }
}
