namespace PrivacyHoldout182.Healthcare;

/// <summary>Reads the trust's queue of police requests about equipment offered for sale and answers them.</summary>
public sealed class EquipmentPoliceWorker(IQueueReceiver<PoliceNotification> queue, Pseudonymizer pseudonymizer, ILogger<EquipmentPoliceWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Equipment.Police");
    private static readonly Meter PoliceMeter = new("Trust.Equipment.Police");
    private readonly MobilityreturnsOperationsCounter operations = PoliceMeter.CreateMobilityreturnsOperationsCounter();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var notification = await queue.ReceiveAsync(stoppingToken);
            if (notification is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("equipment.police.request");
            activity?.SetTag("police.force", notification.Force); // clean precision-names
            activity?.SetTag("police.notification.id", notification.NotificationId); // clean precision-names
            activity?.SetTag("police.officer", notification.OfficerEmail); // leak TC1001 direct
            activity?.SetTag("police.officer.domain", notification.OfficerEmail.Split('@')[1]); // clean precision-about
            activity?.SetTag("equipment.seller", notification.SellerName); // leak TC1001 direct
            activity?.SetTag("equipment.seller.name_parts", notification.SellerName.Split(' ').Length); // clean precision-about
            activity?.SetTag("equipment.seller.pseudonym", pseudonymizer.ComputeMobilityreturnsSellerId(notification.SellerName)); // clean precision-pseudonym
            operations.Add(1, notification.Force, "answered"); // clean generated-api
            operations.Add(1, notification.Force, pseudonymizer.ComputeMobilityreturnsSellerId(notification.SellerName)); // leak TC1003 generated-api
            Describe(activity, notification.Serial); // leak TC1001 cross-member
            Describe(activity, notification.Force); // clean precision-names
        }
    }

    private static void Describe(Activity? activity, string value)
    {
        activity?.AddEvent(new ActivityEvent("equipment.police.item", tags: new ActivityTagsCollection { ["item"] = value })); // leak TC1001 direct
    }
}
