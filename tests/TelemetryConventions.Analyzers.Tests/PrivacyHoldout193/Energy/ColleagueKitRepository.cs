namespace PrivacyHoldout193.Energy;

public sealed record ColleagueKitOrder(string OrderId, string StaffNumber, string ColleagueName, string WorkEmail, string HomePostcode, string KitType, string DepotCode);

/// <summary>Staff wellbeing: the confidential kit orders colleagues place through the benefits portal.</summary>
public sealed class ColleagueKitRepository(Pseudonymizer pseudonymizer, ILogger<ColleagueKitRepository> logger)
{
    private static readonly ActivitySource Source = new("Energy.Wellbeing.Kits");
    private static readonly Meter Meter = new("Energy.Wellbeing.Kits");
    private static readonly Counter<long> KitOrders = Meter.CreateCounter<long>("wellbeing.kit_orders");

    private readonly List<ColleagueKitOrder> _orders = new();

    public void Add(ColleagueKitOrder order)
    {
        using var activity = Source.StartActivity("kit-order.add");
        _orders.Add(order);
        activity?.SetTag("wellbeing.order_id", order.OrderId); // clean precision-names
        activity?.SetTag("wellbeing.staff_number", order.StaffNumber); // leak TC1001 direct
        activity?.SetTag("wellbeing.colleague_name", order.ColleagueName); // leak TC1001 direct
        activity?.SetTag("wellbeing.work_email", order.WorkEmail); // leak TC1001 direct
        activity?.SetTag("wellbeing.home_postcode", order.HomePostcode); // leak TC1001 direct
        KitOrders.Add(1, new KeyValuePair<string, object?>("depot", order.DepotCode), new KeyValuePair<string, object?>("colleague", pseudonymizer.Compute(Spaces.Staff, order.StaffNumber))); // leak TC1003 precision-pseudonym
        KitOrders.Add(1, new KeyValuePair<string, object?>("email", order.WorkEmail)); // leak TC1003 direct
        logger.LogInformation("Kit order {Order}", order); // leak TC1001 logging-objects
        logger.LogInformation("Kit order {@Order}", order with { HomePostcode = order.HomePostcode.Split(' ')[0] }); // leak TC1001 logging-objects
        logger.LogInformation("Kit order from {Colleague} <{Email}>", order.ColleagueName, order.WorkEmail); // leak TC1001 direct
        logger.LogInformation(string.Format(CultureInfo.InvariantCulture, "Kit {0} for {1}", order.KitType, order.ColleagueName)); // leak TC1001 strings
        logger.LogInformation("Kit {KitType} ordered at depot {Depot}", order.KitType, order.DepotCode); // clean precision-about
        var dedupe = order.WorkEmail.ToLowerInvariant().GetHashCode();
        activity?.SetTag("wellbeing.email_dedupe", dedupe); // leak TC1002 hashes
        activity?.SetTag("wellbeing.staff_pseudonym", Pseudonym.FromComputed(order.StaffNumber).Value); // leak TC1001 generated-api
        var error = new ServiceUserNotFoundException(order.StaffNumber);
        logger.LogDebug(error, "Colleague lookup"); // leak TC1001 exceptions
        logger.LogDebug("Lookup failed: {Kind}", error.GetType().Name); // clean exceptions
    }
}
