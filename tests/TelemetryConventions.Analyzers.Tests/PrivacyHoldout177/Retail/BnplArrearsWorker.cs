namespace PrivacyHoldout177.Retail;

/// <summary>Chases missed pay-later instalments by email and passes defaulted orders to the collection agency.</summary>
public sealed class BnplArrearsWorker(IQueueReceiver<MissedInstalment> missed, Pseudonymizer pseudonymizer, ILogger<BnplArrearsWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Retailer.PayLater.Arrears");
    private static readonly Meter Meter = new("Retailer.PayLater.Arrears");
    private static readonly Histogram<double> MissedAmount = Meter.CreateHistogram<double>("paylater.missed.amount", "GBP");
    private readonly StorecreditOperationDurationHistogram _duration = Meter.CreateStorecreditOperationDurationHistogram();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var instalment = await missed.ReceiveAsync(stoppingToken);
            if (instalment is null)
            {
                continue;
            }
            var started = Stopwatch.GetTimestamp();
            using var span = Source.StartStorecreditOperation("paylater");
            span.Activity?.SetTag("order.id", instalment.OrderId); // clean precision-names
            span.Activity?.SetTag("instalment.number", instalment.InstalmentNumber); // clean precision-about
            MissedAmount.Record((double)instalment.Amount, new KeyValuePair<string, object?>("instalment", instalment.InstalmentNumber)); // clean precision-about
            var reminder = Reminder(instalment.CustomerEmail, instalment.Amount);
            span.Activity?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["to"] = reminder.To })); // leak TC1001 cross-member
            span.Activity?.AddEvent(new ActivityEvent("reminder.sent", tags: new ActivityTagsCollection { ["template"] = reminder.TemplateId })); // clean precision-names
            span.Activity?.SetTag("customer", pseudonymizer.ComputeStorecreditDebtorId(instalment.CustomerEmail)); // clean precision-pseudonym
            span.Activity?.SetBaggage("paylater.customer", instalment.CustomerEmail); // leak TC1001 direct
            logger.LogInformation("Missed instalment {@Instalment}", instalment); // leak TC1001 logging-objects
            logger.LogInformation("Missed instalment {Number} of order {OrderId}", instalment.InstalmentNumber, instalment.OrderId); // clean precision-names
            var b64 = Convert.ToBase64String(Encoding.UTF8.GetBytes(instalment.CustomerEmail));
            logger.LogDebug("Agency reference {Reference}", b64); // leak TC1001 hashes
            _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "paylater"); // clean generated-api
        }
    }

    private static (string To, string TemplateId) Reminder(string email, decimal amount) => (email, amount > 50m ? "tpl-bnpl-final" : "tpl-bnpl-gentle");
}
