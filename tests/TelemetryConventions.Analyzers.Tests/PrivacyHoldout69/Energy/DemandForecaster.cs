using System.Net.Http.Json;

namespace PrivacyHoldout69.Energy;

/// <summary>A supply point on the smart-meter estate: the meter serial identifies the household.</summary>
public sealed record SupplyPoint(string MeterSerial, string Region, string Postcode, string HolderEmail, string TariffCode);

public sealed record WeatherFeatures(double TempC, double WindMs, double CloudCover);

/// <summary>The weather feature service's typed client, keyed by postcode.</summary>
public sealed class WeatherFeatureClient(HttpClient http)
{
    public async Task<WeatherFeatures> ForPostcodeAsync(string postcode, CancellationToken ct) =>
        await http.GetFromJsonAsync<WeatherFeatures>($"weather/v1/postcodes/{Uri.EscapeDataString(postcode)}/features", ct)
        ?? new WeatherFeatures(10, 4, 0.5);
}

/// <summary>
/// Day-ahead household demand forecasts for flexibility events: consumption lags from the feature
/// store, weather by postcode, the LightGBM forecaster behind the serving platform, a seasonal-naive
/// fallback, and drift and data-quality checks on the lag features.
/// </summary>
public sealed class DemandForecaster(
    IOnlineFeatureStore features,
    IScoringClient scoring,
    WeatherFeatureClient weather,
    Pseudonymizer pseudonymizer,
    ILogger<DemandForecaster> logger)
{
    private const string Model = "lgbm-2025.02";
    private static readonly ActivitySource Source = new("Supplier.Flex.Forecasting");
    private static readonly Meter Meter = new("Supplier.Flex.Forecasting");
    private readonly ForecastRunsCounter _runs = Meter.CreateForecastRunsCounter();
    private static readonly Histogram<double> ForecastKwh = Meter.CreateHistogram<double>("forecast.household_kwh", "kWh");

    public async Task<IReadOnlyDictionary<string, double>> ForecastRegionAsync(string region, IReadOnlyList<SupplyPoint> points, CancellationToken ct)
    {
        using var batch = Source.StartForecastRun(Model, spanName: $"forecast {region}").SetForecastRegion(region).SetForecastHorizonHours(24); // clean strings
        var rows = await features.GetOnlineFeaturesAsync("household_lags_v2", points.Select(p => p.MeterSerial).ToList(), ct);
        logger.LogDebug("Missing lag features per meter: {MissingByMeter}", rows.ToDictionary(r => r.EntityKey, r => r.MissingCount)); // leak TC1001 logging-objects
        logger.LogDebug("Lag rows: {Rows}, {Sparse} sparse", rows.Count, rows.Count(r => r.MissingCount > 2)); // clean precision-about

        var negative = rows.Where(r => r.Values.TryGetValue("kwh_lag24", out var v) && v < 0).Select(r => r.EntityKey).ToList();
        if (negative.Count > 0)
        {
            batch.Activity?.SetTag("forecast.dq.negative_lag_meters", string.Join(";", negative)); // leak TC1001 strings
            batch.Activity?.SetTag("forecast.dq.negative_lag_count", negative.Count); // clean precision-about
        }

        var forecasts = new Dictionary<string, double>();
        foreach (var point in points)
        {
            forecasts[point.MeterSerial] = await ForecastOneAsync(point, ct);
        }

        CheckDrift(batch, rows);
        _runs.Add(points.Count, region, "forecast"); // clean generated-api
        logger.LogInformation("Day-ahead forecasts for {Region}: {Forecasts}", region, forecasts); // leak TC1001 logging-objects
        return forecasts;
    }

    private async Task<double> ForecastOneAsync(SupplyPoint point, CancellationToken ct)
    {
        using var span = Source.StartForecastRun(Model)
            .SetForecastMeterId(pseudonymizer.PseudonymizeForecastMeterId(point.MeterSerial)) // clean precision-pseudonym
            .SetForecastRegion(point.Region); // clean precision-about
        span.Activity?.SetTag("forecast.meter_model", point.MeterSerial[..3]); // clean precision-about
        span.Activity?.SetTag(ForecastAttributes.HolderEmail, point.HolderEmail); // leak TC1001 generated-api

        FeatureVector lags;
        try
        {
            lags = await features.GetOnlineFeaturesAsync("household_lags_v2", point.MeterSerial, ct);
        }
        catch (FeatureRowMissingException ex)
        {
            span.Activity?.AddException(ex); // leak TC1001 exceptions
            span.SetForecastOutcome("no_lags");
            return 0;
        }

        WeatherFeatures wx;
        try
        {
            wx = await weather.ForPostcodeAsync(point.Postcode, ct);
        }
        catch (HttpRequestException ex)
        {
            logger.LogWarning(ex, "Weather features unavailable for {District}", point.Postcode.Split(' ')[0]); // clean exceptions
            logger.LogWarning("Weather lookup failed: GET weather/v1/postcodes/{Postcode}/features", point.Postcode); // leak TC1001 direct
            wx = new WeatherFeatures(10, 4, 0.5);
        }

        var inputs = lags.Values.ToDictionary(v => v.Key, v => (object?)v.Value);
        inputs["temp_c"] = wx.TempC;
        inputs["tariff_code"] = point.TariffCode;

        try
        {
            var response = await scoring.ScoreAsync(new ScoringRequest("household-demand", inputs), ct).WaitAsync(TimeSpan.FromSeconds(2), ct);
            span.SetForecastOutcome("forecast").SetForecastModelVersion(response.ModelVersion); // clean generated-api
            ForecastKwh.Record(response.Score, new KeyValuePair<string, object?>("region", point.Region), new KeyValuePair<string, object?>("tariff", point.TariffCode)); // clean precision-about
            ForecastKwh.Record(response.Score, new KeyValuePair<string, object?>("meter", pseudonymizer.ComputeForecastMeterId(point.MeterSerial))); // leak TC1003 precision-pseudonym
            return response.Score;
        }
        catch (TimeoutException ex)
        {
            span.RecordException(ex).SetForecastOutcome("fallback:seasonal_naive"); // clean exceptions
            span.SetForecastNote($"forecaster timed out for {point.MeterSerial}, lag168 used"); // leak TC1001 generated-api
            return lags.Values.TryGetValue("kwh_lag168", out var lag) ? lag ?? 0 : 0;
        }
    }

    private void CheckDrift(ForecastRunSpan batch, IReadOnlyList<FeatureVector> rows)
    {
        var live = rows.Select(r => r.Values.GetValueOrDefault("kwh_lag24") ?? 0).ToList();
        var reference = rows.Select(r => r.Values.GetValueOrDefault("kwh_lag168") ?? 0).ToList();
        var psi = DataQuality.PopulationStabilityIndex(reference, live);
        if (psi > 0.25 && batch.Activity is { } activity)
        {
            activity.AddForecastDriftEvent("kwh_lag24", Model, $"psi {psi:0.00} over {live.Count} meters"); // clean generated-api
            var worst = rows.OrderByDescending(r => Math.Abs((r.Values.GetValueOrDefault("kwh_lag24") ?? 0) - (r.Values.GetValueOrDefault("kwh_lag168") ?? 0))).First();
            activity.AddForecastDriftEvent("kwh_lag24", forecastNote: $"largest shift on meter {worst.EntityKey}"); // leak TC1001 generated-api
        }
    }
}
