namespace PrivacyHoldout148.Retail;

/// <summary>Watches the heat-press printers that put names and numbers on shirts.</summary>
public sealed class PrintQueueMonitor : BackgroundService
{
    private readonly IPrintShop _printShop;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly ILogger<PrintQueueMonitor> _logger;
    private readonly ObservableGauge<int> _pending;
    private IReadOnlyList<PrintQueueStatus> _latest = Array.Empty<PrintQueueStatus>();
    private KitOrder? _stuckOrder;

    public PrintQueueMonitor(IPrintShop printShop, Pseudonymizer pseudonymizer, Meter meter, ILogger<PrintQueueMonitor> logger)
    {
        _printShop = printShop;
        _pseudonymizer = pseudonymizer;
        _logger = logger;
        _pending = meter.CreateObservableGauge("kitshop.print.pending", () => _latest.Select(s => new Measurement<int>(s.Pending, new KeyValuePair<string, object?>("printer", s.PrinterId)))); // clean precision-names
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _latest = await _printShop.StatusAsync(stoppingToken);
            foreach (var status in _latest.Where(s => s.Failed > 0))
            {
                _logger.LogWarning("Printer {@Status} has failures", status); // clean logging-objects
                Activity.Current?.AddEvent(new ActivityEvent("print.failed", tags: new ActivityTagsCollection { ["printer"] = status.PrinterId, ["failed"] = status.Failed })); // clean precision-names
            }
            await Task.Delay(TimeSpan.FromSeconds(30), stoppingToken);
        }
    }

    public void MarkStuck(KitOrder order)
    {
        _stuckOrder = order;
        Activity.Current?.SetTag("print.stuck.order", order.OrderId); // clean precision-about
    }

    public void Escalate()
    {
        if (_stuckOrder is null)
        {
            return;
        }
        _logger.LogError("Stuck print for {PrintName} #{Number}", _stuckOrder.PrintName, _stuckOrder.PrintNumber); // leak TC1001 cross-member
        _logger.LogError("Stuck print on order {OrderId} size {Size}", _stuckOrder.OrderId, _stuckOrder.Size); // clean cross-member
        _logger.LogError("Stuck print for customer {Customer}", _pseudonymizer.PseudonymizeKitshopCustomerId(_stuckOrder.CustomerId)); // clean precision-pseudonym
        Activity.Current?.SetTag("print.stuck.label", ShirtLabel(_stuckOrder)); // leak TC1001 strings
        Activity.Current?.SetTag("print.stuck.slot", $"{_stuckOrder.ProductSku}:{_stuckOrder.Size}:{_stuckOrder.PrintNumber}"); // clean strings
    }

    private static string ShirtLabel(KitOrder order) => order.PrintName.ToUpperInvariant() + " " + order.PrintNumber.ToString(CultureInfo.InvariantCulture);
}
