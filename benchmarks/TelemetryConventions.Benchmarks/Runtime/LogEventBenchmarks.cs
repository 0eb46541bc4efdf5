using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Logs;
using TelemetryConventions.Benchmarks.Telemetry;

namespace TelemetryConventions.Benchmarks.Runtime;

/// <summary>What the logger does with an event's level.</summary>
public enum LogListening
{
    /// <summary>The level is below the minimum: nothing is written.</summary>
    Disabled,
    /// <summary>
    /// A minimal provider reads every attribute of the state: the cost of the logging call itself, without
    /// the SDK's own work (record pooling, processors), which is the same for every variant.
    /// </summary>
    ProviderEnabled,
    /// <summary>The OpenTelemetry SDK takes the record and an exporter reads every attribute, as a real one would.</summary>
    SdkEnabled,
}

/// <summary>Where the event's pseudonym comes from.</summary>
public enum LogPseudonyms
{
    /// <summary>Computed on the call, through the pseudonymiser's cache: what a service does.</summary>
    Computed,
    /// <summary>Computed before the benchmark: the cost of the logging call alone.</summary>
    Precomputed,
}

/// <summary>
/// One log event of five attributes (a pseudonym, a string, an integer, an enum, a boolean): the generated
/// method, the best hand-written <c>[LoggerMessage]</c> method (guarded, so the pseudonym is only computed when
/// enabled), and <c>logger.LogInformation(template, args)</c> as most code writes it.
/// </summary>
[MemoryDiagnoser]
public partial class LogEventBenchmarks
{
    private readonly Pseudonymizer _pseudonymizer = ShopData.CreatePseudonymizer();
    private ILoggerFactory? _factory;
    private ILogger _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
    private int _next;

    private readonly string[] _precomputedTexts = new string[256];
    private readonly Pseudonym[] _precomputed = new Pseudonym[256];

    [Params(LogListening.Disabled, LogListening.ProviderEnabled, LogListening.SdkEnabled)]
    public LogListening Listening { get; set; }

    [Params(LogPseudonyms.Computed, LogPseudonyms.Precomputed)]
    public LogPseudonyms Pseudonyms { get; set; }

    /// <summary>Records the exporter saw, and attributes it read: the check that a benchmark measured something.</summary>
    public static long ExportedRecords => AttributeReadingExporter.Records;

    public static long ExportedAttributes => AttributeReadingExporter.Attributes;

    [GlobalSetup]
    public void Setup()
    {
        _factory = LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(Listening == LogListening.Disabled ? LogLevel.Warning : LogLevel.Information);
            if (Listening == LogListening.ProviderEnabled)
            {
                builder.AddProvider(new AttributeReadingProvider());
            }
            else
            {
                builder.AddOpenTelemetry(options => options.AddProcessor(new SimpleLogRecordExportProcessor(new AttributeReadingExporter())));
            }
        });
        _logger = _factory.CreateLogger("bench.log");
        ShopData.Warm(_pseudonymizer, ShopAttributes.CustomerId);
        for (var i = 0; i < _precomputed.Length; i++)
        {
            _precomputedTexts[i] = _pseudonymizer.Compute(HandWritten.CustomerId, ShopData.CustomerNumbers[i]);
            _precomputed[i] = Pseudonym.FromComputed(_precomputedTexts[i]);
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _factory?.Dispose();

    private int NextCustomer() => _next++ & 255;

    private string PseudonymText(int customer) => Pseudonyms == LogPseudonyms.Precomputed
        ? _precomputedTexts[customer]
        : _pseudonymizer.Compute(HandWritten.CustomerId, ShopData.CustomerNumbers[customer]);

    private Pseudonym PseudonymOf(int customer) => Pseudonyms == LogPseudonyms.Precomputed
        ? _precomputed[customer]
        : _pseudonymizer.Pseudonymize(ShopAttributes.CustomerId, ShopData.CustomerNumbers[customer]);

    [Benchmark(Baseline = true)]
    public void LoggerMessage()
    {
        var customer = NextCustomer();
        if (_logger.IsEnabled(LogLevel.Information))
        {
            OrderReceived(_logger, PseudonymText(customer), ShopData.Region, ShopData.BasketItems,
                HandWritten.ToWire(HandWritten.PaymentMethod.Card), true);
        }
    }

    [Benchmark]
    public void Generated()
    {
        var customer = NextCustomer();
        _logger.LogShopOrderReceivedEvent(PseudonymOf(customer), ShopData.Region,
            ShopData.BasketItems, ShopPaymentMethod.Card, shopExpress: true);
    }

    [Benchmark]
    public void LogInformation()
    {
        var customer = NextCustomer();
#pragma warning disable CA1848, CA2254 // the point of this case: the extension method as most code calls it
        _logger.LogInformation("Order received {CustomerId} {Region} {BasketItems} {PaymentMethod} {Express}",
            PseudonymText(customer), ShopData.Region, ShopData.BasketItems,
            HandWritten.ToWire(HandWritten.PaymentMethod.Card), true);
#pragma warning restore CA1848, CA2254
    }

    [LoggerMessage(EventId = 1, EventName = "shop.order.received", Level = LogLevel.Information,
        Message = "Order received {CustomerId} {Region} {BasketItems} {PaymentMethod} {Express}")]
    private static partial void OrderReceived(ILogger logger, string customerId, string region, long basketItems, string paymentMethod, bool express);

    /// <summary>A provider whose loggers read every attribute of the state, as any structured provider does.</summary>
    private sealed class AttributeReadingProvider : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new AttributeReadingLogger();

        public void Dispose()
        {
        }

        private sealed class AttributeReadingLogger : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                AttributeReadingExporter.Records++;
                if (state is IReadOnlyList<KeyValuePair<string, object?>> attributes)
                {
                    for (var i = 0; i < attributes.Count; i++)
                    {
                        if (attributes[i].Value is not null)
                        {
                            AttributeReadingExporter.Attributes++;
                        }
                    }
                }
            }
        }
    }

    /// <summary>Reads every attribute of every record, as an exporter serialising them would.</summary>
    private sealed class AttributeReadingExporter : BaseExporter<LogRecord>
    {
        public static long Records;
        public static long Attributes;

        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                Records++;
                if (record.Attributes is { } attributes)
                {
                    for (var i = 0; i < attributes.Count; i++)
                    {
                        if (attributes[i].Value is not null)
                        {
                            Attributes++;
                        }
                    }
                }
            }
            return ExportResult.Success;
        }
    }
}
