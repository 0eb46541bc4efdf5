namespace PrivacyHoldout158.Media;

/// <summary>A radio phone-in on mental health: screens callers, and transfers those in distress to the aftercare line instead of putting them on air.</summary>
public sealed class PhoneInScreeningWorker(IQueueReceiver<Caller> callers, ICallPlatform platform, ActivitySource source, ILogger<PhoneInScreeningWorker> logger) : BackgroundService
{
    private readonly Queue<Caller> transferred = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var caller = await callers.ReceiveAsync(stoppingToken);
            if (caller is null)
            {
                continue;
            }

            using var activity = source.StartActivity("phonein.screen");
            activity?.SetTag("phonein.caller.first_name", caller.FirstName); // leak TC1001 direct
            activity?.SetTag("phonein.caller.district", caller.Postcode.Split(' ')[0]); // clean precision-about
            activity?.SetTag("phonein.caller.id", caller.CallerId); // leak TC1001 direct
            activity?.SetTag("phonein.caller.has_email", caller.Email is not null); // clean precision-about
            transferred.Enqueue(caller);
            logger.LogInformation("Transferred to aftercare: {Caller}", caller); // leak TC1001 logging-objects
            logger.LogInformation("Transferred {Waiting} callers to aftercare", transferred.Count); // clean precision-about
            await platform.ConnectAsync(caller.CallerNumber, "aftercare", stoppingToken);
        }
    }

    public void Handover()
    {
        var next = transferred.Count > 0 ? transferred.Peek() : null;
        logger.LogInformation("Next handover: {Number}", next?.CallerNumber); // leak TC1001 cross-member
        logger.LogInformation("Handovers waiting: {Count}", transferred.Count); // clean cross-member
        logger.LogInformation("Next handover key: {Key}", next?.Email?.GetHashCode()); // leak TC1002 hashes
    }
}
