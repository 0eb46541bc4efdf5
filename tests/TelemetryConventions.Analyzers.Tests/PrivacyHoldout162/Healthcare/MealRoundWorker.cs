namespace PrivacyHoldout162.Healthcare;

public sealed class MealRoundWorker(IQueueReceiver<WardMealOrder> queue, TelemetrySecrets secrets, ILogger<MealRoundWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Hospital.MealRound");
    private static readonly Meter RoundMeter = new("Hospital.MealRound");
    private static readonly Histogram<int> RoundSize = RoundMeter.CreateHistogram<int>("ward.round.meals");

    private readonly List<WardMealOrder> _nilByMouth = new();
    private readonly Dictionary<string, string> _specialDietsByMrn = new();
    private string _lastWard = "";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.CompletedTask;

    public void Collect(WardMealOrder order)
    {
        _lastWard = order.Ward;
        if (order.DietCode == "NBM")
        {
            _nilByMouth.Add(order);
        }
        else if (order.DietCode != "standard")
        {
            _specialDietsByMrn[order.Mrn] = order.DietCode;
        }
    }

    public void CloseRound(string round)
    {
        var summary = new MealRound(_lastWard, round, _specialDietsByMrn.Count + _nilByMouth.Count, _specialDietsByMrn.Count);
        using var activity = Source.StartActivity("ward.round.close");
        activity?.SetTag("ward.round", summary.Round); // clean precision-names
        activity?.SetTag("ward.round.nbm", _nilByMouth.Count); // clean cross-member
        activity?.SetTag("ward.round.nbm.beds", string.Join(",", _nilByMouth.Select(o => o.Bed))); // clean cross-member
        activity?.SetTag("ward.round.nbm.patients", string.Join(",", _nilByMouth.Select(o => o.Mrn))); // leak TC1001 cross-member
        activity?.SetTag("ward.round.diets", string.Join(",", _specialDietsByMrn.Values.Distinct())); // clean cross-member
        activity?.SetTag("ward.round.diet.patients", string.Join(",", _specialDietsByMrn.Keys)); // leak TC1001 cross-member
        activity?.SetTag("ward.round.cohort", Cohort(_nilByMouth.FirstOrDefault()?.Mrn ?? "")); // clean hashes
        activity?.SetTag("ward.round.first", HashCode.Combine(_nilByMouth.FirstOrDefault()?.Mrn)); // leak TC1002 hashes
        RoundSize.Record(summary.Meals, new KeyValuePair<string, object?>("ward", summary.Ward)); // clean precision-about
        logger.LogInformation("Round closed {@Round}", summary); // clean logging-objects
        logger.LogInformation("Nil by mouth: {Orders}", _nilByMouth); // leak TC1001 cross-member
        _nilByMouth.Clear();
        _specialDietsByMrn.Clear();
    }

    private string Cohort(string mrn) => Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(mrn)))[..6];
}
