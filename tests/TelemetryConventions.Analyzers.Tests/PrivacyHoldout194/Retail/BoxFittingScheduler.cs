namespace PrivacyHoldout194.Retail;

/// <summary>Books the black box fitting at a store's fitting bay and texts the customer.</summary>
public sealed class BoxFittingScheduler(IPolicyStore policies, ISmsSender sms, ILogger<BoxFittingScheduler> logger)
{
    private static readonly ActivitySource Source = new("Retailer.BoxSure.Fitting");

    public async Task BookAsync(string policyNumber, string storeId, DateTimeOffset slot, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("boxsure.fitting.book");
        activity?.SetTag("store.id", storeId); // clean precision-names
        activity?.SetTag("fitting.slot_hour", slot.Hour); // clean precision-about
        var vehicle = await policies.GetVehicleAsync(policyNumber, cancellationToken);
        activity?.SetTag("fitting.vehicle_make", vehicle.Make); // clean precision-about
        activity?.SetTag("fitting.vehicle_year", vehicle.Year); // clean precision-about
        activity?.SetTag("fitting.box_imei", vehicle.BoxImei); // leak TC1001 direct
        activity?.SetTag("fitting.vehicle", $"{vehicle.Make} {vehicle.Model} {vehicle.Registration}"); // leak TC1001 strings
        var holder = await policies.FindByPolicyNumberAsync(policyNumber, cancellationToken) ?? throw new PolicyNotFoundException(policyNumber);
        await sms.SendAsync(holder.MobileNumber, $"Your fitting at store {storeId} is booked", cancellationToken);
        logger.LogInformation("Fitting booked, texted {Mobile}", holder.MobileNumber); // leak TC1001 direct
        logger.LogInformation("Fitting booked for {Vehicle}", vehicle); // leak TC1001 logging-objects
        logger.LogInformation("Fitting booked {@Fitting}", new { storeId, slot, vehicle.Make, vehicle.Model }); // clean logging-objects
    }
}
