using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.IdentifierAsMetricTagAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC1003Tests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Diagnostics;
        using System.Diagnostics.Metrics;
        using TelemetryConventions;

        """;

    [Fact]
    public async Task Identifiers_raw_or_pseudonymised_are_reported_on_metric_tags()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visits
            {
                void Count(Counter<long> visits, Histogram<double> waits, Pseudonymizer pseudonymizer, string patientId, string raw, string department)
                {
                    visits.Add(1, new KeyValuePair<string, object?>({|#0:"patient.id"|}, pseudonymizer.Pseudonymize("patient", raw)));
                    visits.Add(1, new KeyValuePair<string, object?>({|#1:"visit.who"|}, patientId));
                    var tags = new TagList { { "user_id", raw } };
                    waits.Record(1.5, {|#2:tags|});
                    _ = new Measurement<long>(1, new KeyValuePair<string, object?>({|#3:"visit.who"|}, pseudonymizer.Compute("patient", patientId)));
                    visits.Add(1, new KeyValuePair<string, object?>("hospital.department", department));
                    visits.Add(1, new KeyValuePair<string, object?>("visit.kind", "outpatient"));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patient.id", "metric tag 'patient.id'"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("patientId", "metric tag 'visit.who'"),
            VerifyCS.Diagnostic().WithLocation(2).WithArguments("user_id", "metric tag 'user_id'"),
            VerifyCS.Diagnostic().WithLocation(3).WithArguments("pseudonymizer.Compute(\"patient\", patientId)", "metric tag 'visit.who'"));
    }

    [Fact]
    public async Task A_pseudonym_given_to_a_generated_metric_wrapper_is_still_one_series_per_person()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.CodeDom.Compiler;

            [GeneratedCode("TelemetryConventions", "1.0.0.0")]
            sealed class QueryDuration
            {
                public void Record(double value, string? queryName = null, Pseudonym? subjectId = null)
                {
                }
            }

            class Lookups
            {
                void Find(QueryDuration duration, Pseudonymizer pseudonymizer, string hospitalNumber)
                {
                    duration.Record(0.2, "FindByNumber", {|TC1003:pseudonymizer.Pseudonymize("patient", hospitalNumber)|});
                    duration.Record(0.2, "FindByNumber");
                }
            }
            """);
    }

    [Fact]
    public async Task A_flag_under_a_key_named_for_a_person_is_two_series_not_one_per_person()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Bookings
            {
                void Count(Counter<long> seats, string? mobilityNeeds, string? patientId)
                {
                    seats.Add(1, new KeyValuePair<string, object?>("drt.mobility_needs", mobilityNeeds is not null));
                    seats.Add(1, new KeyValuePair<string, object?>("patient.id", patientId is null));
                    seats.Add(1, new KeyValuePair<string, object?>({|TC1003:"drt.mobility_needs"|}, mobilityNeeds));
                }
            }
            """);
    }

    [Fact]
    public async Task A_few_characters_under_a_key_named_for_an_identifier_are_a_bounded_tag()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class TopUps
            {
                void Count(Counter<long> topUps, string travelCardNumber, string reading)
                {
                    topUps.Add(1, new KeyValuePair<string, object?>("travel.card", travelCardNumber[^4..]));
                    topUps.Add(1, new KeyValuePair<string, object?>("travel.card.length", travelCardNumber.Length));
                    topUps.Add(1, new KeyValuePair<string, object?>({|TC1003:"travel.card"|}, reading));
                }
            }
            """);
    }

    [Fact]
    public async Task A_small_bucket_of_a_keyed_value_is_a_bounded_tag_and_a_large_one_is_not()
    {
        // A remainder or mask by a small constant has a few dozen values whoever it came from; a
        // remainder by a large one can still be nearly one value per person.
        await VerifyCS.AnalyzerAsync(Usings + """
            class Shards
            {
                void Count(Counter<long> lookups, byte[] shardKey, string playerId)
                {
                    var mac = System.Security.Cryptography.HMACSHA256.HashData(shardKey, System.Text.Encoding.UTF8.GetBytes(playerId));
                    lookups.Add(1, new KeyValuePair<string, object?>("arena.player.shard", Shard(mac)));
                    lookups.Add(1, new KeyValuePair<string, object?>("arena.player.mask", mac[1] & 0xFF));
                    // The bound is judged on the constant alone: over 1024 buckets count as a value.
                    lookups.Add(1, new KeyValuePair<string, object?>({|TC1003:"arena.player.bucket"|}, mac[2] % 100000));
                }

                static int Shard(byte[] mac) => mac[0] % 32;
            }
            """);
    }

    [Fact]
    public async Task A_metrics_facade_s_tags_are_judged_one_by_one_at_each_call()
    {
        // The facade hands its params pairs straight to the instrument, through its interface; a shard
        // from a keyed hash cut by a count the caller chooses is bounded, a pseudonym is not.
        await VerifyCS.AnalyzerAsync(Usings + """
            interface IMetrics
            {
                void Increment(string name, long value = 1, params KeyValuePair<string, object?>[] tags);
            }

            sealed class MeterMetrics(Meter meter) : IMetrics
            {
                private readonly Counter<long> _counter = meter.CreateCounter<long>("events");

                public void Increment(string name, long value = 1, params KeyValuePair<string, object?>[] tags) => _counter.Add(value, tags);
            }

            static class KeyedShard
            {
                public static int Of(byte[] key, string value, int shards) =>
                    (int)(System.BitConverter.ToUInt32(System.Security.Cryptography.HMACSHA256.HashData(key, System.Text.Encoding.UTF8.GetBytes(value)), 0) % (uint)shards);
            }

            class Checkout
            {
                void Count(IMetrics metrics, Pseudonymizer pseudonymizer, byte[] shardKey, string channel, string customerNumber, string nurseStaffNumber)
                {
                    metrics.Increment("checkout", 1, new("channel", channel), new("segment", KeyedShard.Of(shardKey, customerNumber, 20)));
                    metrics.Increment("checkout", 1, new("channel", channel), new({|TC1003:"customer"|}, pseudonymizer.Pseudonymize("customer", customerNumber)));
                    metrics.Increment("observations", 1, new KeyValuePair<string, object?>({|TC1003:"nurse"|}, nurseStaffNumber));
                }
            }
            """);
    }

    [Fact]
    public async Task Span_attributes_may_carry_pseudonymised_identifiers()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visits
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string patientId)
                {
                    activity.SetTag("patient.id", pseudonymizer.Pseudonymize("patient", patientId));
                    activity.AddEvent(new ActivityEvent("visit", tags: new ActivityTagsCollection { { "patient.id", pseudonymizer.Compute("patient", patientId) } }));
                }
            }
            """);
    }

    [Fact]
    public async Task Tags_of_a_generated_metric_wrapper_are_metric_tags_by_its_mark_whatever_its_name()
    {
        // The real generated counter, and a recording type marked as the generator marks its wrappers
        // but named unlike them; the same type without the mark is code the flow follows instead.
        await VerifyCS.AnalyzerAsync(Usings + """
            using System.CodeDom.Compiler;
            using Contoso.Telemetry;

            [GeneratedCode("TelemetryConventions", "1.0.0.0")]
            sealed class WardLoad
            {
                public void Record(double value, string? ward = null)
                {
                }
            }

            sealed class UnmarkedLoad
            {
                public void Record(double value, string? ward = null)
                {
                }
            }

            class Visits
            {
                void Count(Meter meter, WardLoad load, UnmarkedLoad unmarked, string patientId, string department)
                {
                    meter.CreateHospitalVisitsCounter().Add(1, {|#0:patientId|});
                    meter.CreateHospitalVisitsCounter().Add(1, department);
                    load.Record(0.5, {|#1:patientId|});
                    unmarked.Record(0.5, patientId);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithArguments("patientId", "metric tag"),
            VerifyCS.Diagnostic().WithLocation(1).WithArguments("patientId", "metric tag"));
    }

    [Fact]
    public async Task Two_hex_characters_of_a_keyed_value_are_a_shard_and_four_are_a_value()
    {
        // 256 possible values whoever the email is; four hexadecimal characters have 65,536, more than
        // the bound a remainder is held to.
        await VerifyCS.AnalyzerAsync(Usings + """
            class Lanes
            {
                void Count(Counter<long> promises, byte[] shardKey, string email)
                {
                    var hex = System.Convert.ToHexString(System.Security.Cryptography.HMACSHA256.HashData(shardKey, System.Text.Encoding.UTF8.GetBytes(email)));
                    promises.Add(1, new KeyValuePair<string, object?>("lane", hex[..2]));
                    promises.Add(1, new KeyValuePair<string, object?>("lane.last", hex[^1..]));
                    promises.Add(1, new KeyValuePair<string, object?>({|TC1003:"lane.wide"|}, hex[..4]));
                    promises.Add(1, new KeyValuePair<string, object?>({|TC1003:"pseudonym"|}, hex[..16]));
                }
            }
            """);
    }
}
