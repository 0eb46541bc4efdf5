using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnpseudonymisedIdentifierAnalyzer,
    TelemetryConventions.CodeFixes.WrapWithPseudonymizerCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

/// <summary>
/// TC1001 on the exception of a faulted task (a continuation's antecedent, a <c>Task.WhenAll</c>, a
/// dataflow block's completion) and on the exception an observer's <c>onError</c> is handed.
/// </summary>
public class TC1001TaskFaultTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Linq;
        using System.Threading.Tasks;
        using Microsoft.Extensions.Logging;

        public sealed class MeterNotCommissionedException(string meterSerial) : Exception($"Meter {meterSerial} is not commissioned");

        public sealed class TariffMissingException(string tariff) : Exception($"No tariff {tariff}");

        public sealed class HeadEnd
        {
            public async Task BackfillAsync(string meterSerial)
            {
                await Task.Yield();
                throw new MeterNotCommissionedException({|TC1001:meterSerial|});
            }

            public async Task PriceAsync(string tariff)
            {
                await Task.Yield();
                throw new TariffMissingException(tariff);
            }
        }

        """;

    [Fact]
    public async Task A_continuation_sees_what_the_task_it_continues_throws()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Backfill(HeadEnd headEnd, ILogger<Backfill> logger)
            {
                public void Retry(string meterSerial, string tariff)
                {
                    _ = headEnd.BackfillAsync({|TC1001:meterSerial|}).ContinueWith(t => logger.LogWarning({|TC1001:t.Exception|}, "Backfill failed"), TaskContinuationOptions.OnlyOnFaulted);
                    _ = headEnd.PriceAsync(tariff).ContinueWith(t => logger.LogWarning(t.Exception, "Pricing failed"), TaskContinuationOptions.OnlyOnFaulted);
                }
            }
            """);
    }

    [Fact]
    public async Task A_joined_task_s_exception_holds_what_the_tasks_it_joins_throw()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Backfills(HeadEnd headEnd)
            {
                public async Task RunAsync(IReadOnlyList<string> meterSerials, IReadOnlyList<string> tariffs)
                {
                    var backfills = meterSerials.Select(s => headEnd.BackfillAsync(s)).ToList();
                    var all = Task.WhenAll(backfills);
                    try
                    {
                        await all;
                    }
                    catch
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, {|TC1001:all.Exception!.Message|});
                    }

                    var prices = Task.WhenAll(tariffs.Select(t => headEnd.PriceAsync(t)));
                    var outcome = await prices.ContinueWith(t => t);
                    if (outcome.IsFaulted)
                    {
                        Activity.Current?.SetStatus(ActivityStatusCode.Error, outcome.Exception!.Message);
                    }
                }
            }
            """);
    }

    [Fact]
    public async Task An_observer_s_on_error_is_handed_what_its_subject_is_given()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            public sealed class Subject<T> : IObservable<T>, IObserver<T>
            {
                private readonly List<IObserver<T>> _observers = new();
                public IDisposable Subscribe(IObserver<T> observer) { _observers.Add(observer); return null!; }
                public void OnNext(T value) { foreach (var o in _observers) o.OnNext(value); }
                public void OnError(Exception error) { foreach (var o in _observers) o.OnError(error); }
                public void OnCompleted() { foreach (var o in _observers) o.OnCompleted(); }
            }

            public static class ObservableExtensions
            {
                public static IDisposable Subscribe<T>(this IObservable<T> source, Action<T> onNext, Action<Exception> onError) => null!;
            }

            public sealed class Feeds(ILogger<Feeds> logger)
            {
                private readonly Subject<string> _reads = new();
                private readonly Subject<string> _alerts = new();

                public void Start(IObservable<string> handedIn)
                {
                    _reads.Subscribe(_ => { }, ex => logger.LogError({|TC1001:ex|}, "Read feed faulted"));
                    _alerts.Subscribe(_ => { }, ex => logger.LogError(ex, "Alert feed faulted"));
                    handedIn.Subscribe(_ => { }, ex => logger.LogError(ex, "Handed-in feed faulted"));
                }

                public void Fail(string meterSerial) => _reads.OnError(new MeterNotCommissionedException(meterSerial));
            }
            """);
    }
}
