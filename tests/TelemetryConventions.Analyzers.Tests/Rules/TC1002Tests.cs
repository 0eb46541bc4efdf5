using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = TelemetryConventions.Analyzers.Tests.Infrastructure.Verify<
    TelemetryConventions.Analyzers.Rules.UnkeyedHashAnalyzer,
    TelemetryConventions.CodeFixes.ReplaceUnkeyedHashCodeFix>;

namespace TelemetryConventions.Analyzers.Tests.Rules;

public class TC1002Tests
{
    private const string Usings = """
        using System;
        using System.Diagnostics;
        using System.Security.Cryptography;
        using System.Text;
        using TelemetryConventions;

        """;

    /// <summary>The fixes call the generated identifier-space helpers, so they import the generated namespace.</summary>
    private static readonly string FixedUsings = Usings.Replace("using TelemetryConventions;\n", "using TelemetryConventions;\nusing Contoso.Telemetry;\n\n", StringComparison.Ordinal);

    [Fact]
    public async Task A_hash_kept_in_a_local_named_for_the_identifier_is_reported_as_a_hash()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Billing
            {
                void Record(Activity activity, string subscriberEmail)
                {
                    var emailKey = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(subscriberEmail.ToLowerInvariant())));
                    activity.SetTag("billing.subscriber_md5", {|TC1002:emailKey|});
                }
            }
            """);
    }

    [Fact]
    public async Task An_incremental_hash_fed_an_identifier_is_reported_and_one_created_with_a_key_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            record LabOrder(string HospitalNumber, string TestCode);

            class Dedup
            {
                void Record(Activity activity, LabOrder order, byte[] key)
                {
                    using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    incremental.AppendData(Encoding.UTF8.GetBytes(order.HospitalNumber));
                    incremental.AppendData(Encoding.UTF8.GetBytes(order.TestCode));
                    var dedup = Convert.ToHexString(incremental.GetHashAndReset());
                    activity.SetTag("lab.dedup", {|TC1002:dedup|});

                    using var keyed = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
                    keyed.AppendData(Encoding.UTF8.GetBytes(order.HospitalNumber));
                    activity.SetTag("lab.ref", Convert.ToHexString(keyed.GetHashAndReset()));
                }
            }
            """);
    }

    [Fact]
    public async Task Arithmetic_on_an_identifier_written_by_hand_is_an_unkeyed_hash_and_arithmetic_on_counts_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            static class StudentKeys
            {
                // FNV-1a, written by hand.
                public static uint Fnv(string studentId)
                {
                    uint hash = 2166136261;
                    foreach (var c in studentId)
                    {
                        hash = (hash ^ c) * 16777619;
                    }
                    return hash;
                }

                public static uint Spread(uint value) => value * 2654435761;
            }

            class Sync
            {
                void Record(Activity activity, string studentId, long studentNumber, int retries, string courseCode)
                {
                    activity.SetTag("sync.student_fnv", {|TC1002:StudentKeys.Fnv(studentId)|});
                    activity.SetTag("sync.student_mix", {|TC1002:studentNumber * 31 + 7|});
                    activity.SetTag("sync.retries", retries * 2 + 1);
                    activity.SetTag("sync.course_spread", StudentKeys.Spread((uint)courseCode.Length));
                    activity.SetTag("sync.name_length", studentId.Length * 2);
                    activity.SetTag("sync.shard", (studentNumber * 31) % 16);
                }
            }
            """);
    }

    [Fact]
    public async Task An_arithmetic_hash_is_replaced_whole_by_the_pseudonymiser()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Sync
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                void Record(Activity activity, string studentId, long studentNumber)
                {
                    activity.SetTag("sync.student_mix", {|TC1002:studentId.GetHashCode() * 31 + 7|});
                    activity.SetTag("sync.student_key", {|TC1002:(studentNumber ^ 0x5F) * 16777619|});
                }
            }
            """, Usings + """
            class Sync
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                void Record(Activity activity, string studentId, long studentNumber)
                {
                    activity.SetTag("sync.student_mix", _pseudonymizer.Pseudonymize("student", studentId));
                    activity.SetTag("sync.student_key", _pseudonymizer.Pseudonymize("student", studentNumber));
                }
            }
            """);
    }

    [Fact]
    public async Task The_seed_hashID_helper_is_reported_and_replaced_by_the_pseudonymiser()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                static string hashID(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

                void Record(Activity activity, string patientId)
                {
                    activity.SetTag("patient.id.hashed", {|#0:hashID({|#1:patientId|})|});
                }
            }
            """, FixedUsings + """
            class Visit
            {
                private readonly Pseudonymizer _pseudonymizer = Pseudonymizer.FromEnvironment();

                static string hashID(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

                void Record(Activity activity, string patientId)
                {
                    activity.SetTag("patient.id.hashed", _pseudonymizer.PseudonymizePatientId(patientId));
                }
            }
            """,
            // Additional locations: the hash expression the fix replaces, and the value it hashes.
            VerifyCS.Diagnostic().WithLocation(0).WithLocation(0).WithLocation(1).WithArguments("Visit.hashID", "identifier 'patientId'", "span attribute 'patient.id.hashed'"));
    }

    [Fact]
    public async Task An_inline_hash_in_an_earlier_statement_is_replaced_where_it_is_computed()
    {
        await VerifyCS.CodeFixAsync(Usings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string raw)
                {
                    var hashed = {|#1:Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes({|#2:raw|})))|};
                    activity.SetTag("patient.id", {|#0:hashed|});
                }
            }
            """, FixedUsings + """
            class Visit
            {
                void Record(Activity activity, Pseudonymizer pseudonymizer, string raw)
                {
                    var hashed = pseudonymizer.ComputePatientId(raw);
                    activity.SetTag("patient.id", hashed);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithLocation(1).WithLocation(2).WithArguments("SHA256.HashData", "value", "span attribute 'patient.id'"));
    }

    [Fact]
    public async Task GetHashCode_MD5_and_HashCode_are_unkeyed_too()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visit
            {
                void Record(Activity activity, string userId, long studentNumber, byte[] customerEmail)
                {
                    activity.SetTag("visit.user", {|#0:userId.GetHashCode()|});
                    activity.SetTag("visit.student", {|#1:HashCode.Combine(studentNumber)|});
                    activity.SetTag("visit.customer", {|#2:BitConverter.ToString(MD5.HashData(customerEmail))|});
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("String.GetHashCode", "identifier 'userId'", "span attribute 'visit.user'"),
            VerifyCS.Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("HashCode.Combine", "identifier 'studentNumber'", "span attribute 'visit.student'"),
            VerifyCS.Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("MD5.HashData", "identifier 'customerEmail'", "span attribute 'visit.customer'"));
    }

    [Fact]
    public async Task A_hash_read_as_a_guid_or_cut_short_is_still_a_hash_and_a_few_characters_of_an_identifier_are_not_one()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Chat
            {
                void Record(Activity activity, string senderAccountId, string cardNumber, string iban)
                {
                    activity.SetTag("chat.sender_legacy", {|#0:new Guid(MD5.HashData(Encoding.UTF8.GetBytes(senderAccountId))).ToString()|});
                    activity.SetTag("chat.sender_short", {|#1:Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(senderAccountId)))[..16]|});
                    activity.SetTag("loyalty.card.last4", cardNumber[^4..]);
                    activity.SetTag("payment.iban_country", iban[..2]);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("MD5.HashData", "identifier 'senderAccountId'", "span attribute 'chat.sender_legacy'"),
            VerifyCS.Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("SHA256.HashData", "identifier 'senderAccountId'", "span attribute 'chat.sender_short'"));
    }

    [Fact]
    public async Task Keyed_hashes_and_hashes_of_non_identifiers_are_not_reported()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Visit
            {
                static string Keyed(byte[] key, string id) => Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(id)));

                void Record(Activity activity, byte[] key, string patientId, byte[] payload)
                {
                    activity.SetTag("visit.patient", Keyed(key, patientId));
                    activity.SetTag("visit.patient", Convert.ToHexString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(patientId))));
                    activity.SetTag("payload.digest", Convert.ToHexString(SHA256.HashData(payload)));
                    activity.SetTag("customer.id", userIdHash(patientId));
                }

                static string userIdHash(string value) => value.GetHashCode().ToString();
            }
            """);
    }

    [Fact]
    public async Task A_bucket_of_an_unkeyed_hash_is_still_that_hash_and_a_bucket_of_a_keyed_one_or_of_a_count_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Matchmaking
            {
                void Record(Activity activity, byte[] key, string playerId, string subscriberId, string accountId, int queued)
                {
                    activity.SetTag("match.player.bucket", {|#0:BitConverter.ToUInt32(SHA1.HashData(Encoding.UTF8.GetBytes(playerId))) % 100|});
                    activity.SetTag("match.subscriber.bucket", {|#1:BitConverter.ToInt32(MD5.HashData(Encoding.UTF8.GetBytes(subscriberId))) & 0xFF|});
                    activity.SetTag("match.account.bucket", {|#2:Math.Abs(accountId.GetHashCode() % 32)|});
                    activity.SetTag("match.shard", HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(playerId))[0] % 16);
                    activity.SetTag("match.queue.bucket", queued % 10);
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("SHA1.HashData", "identifier 'playerId'", "span attribute 'match.player.bucket'"),
            VerifyCS.Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("MD5.HashData", "identifier 'subscriberId'", "span attribute 'match.subscriber.bucket'"),
            VerifyCS.Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("String.GetHashCode", "identifier 'accountId'", "span attribute 'match.account.bucket'"));
    }

    [Fact]
    public async Task A_sample_flag_drawn_from_an_unkeyed_hash_and_the_bytes_of_a_guid_or_number_are_that_hash()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Sampling
            {
                void Record(Activity activity, byte[] key, string cardNumber, Guid subscriberId, long accountNumber, int attempt)
                {
                    activity.SetTag("trip.sample", {|#0:(HashCode.Combine(cardNumber) & 15) == 0|});
                    activity.SetTag("billing.subscriber.bucket", {|#1:BitConverter.ToUInt16(SHA256.HashData(subscriberId.ToByteArray())) % 64|});
                    activity.SetTag("billing.account.bucket", {|#2:BitConverter.ToUInt32(SHA1.HashData(BitConverter.GetBytes(accountNumber))) % 10|});
                    activity.SetTag("trip.keyed_sample", HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(cardNumber))[0] % 16 == 0);
                    activity.SetTag("trip.retry_sample", attempt % 4 == 0);
                    activity.SetTag("trip.long_number", cardNumber.Length > 16);
                    var waitAnHour = (HashCode.Combine(cardNumber) & 1) == 1;
                    activity.SetTag("trip.timing_arm", {|#3:waitAnHour ? "wait-60" : "now"|});
                    activity.SetTag("trip.ab_arm", {|#4:Math.Abs(cardNumber.GetHashCode()) % 100 < 50 ? "ranker" : "popular"|});
                    activity.SetTag("trip.retry_arm", attempt % 2 == 0 ? "even" : "odd");
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("HashCode.Combine", "identifier 'cardNumber'", "span attribute 'trip.sample'"),
            VerifyCS.Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("SHA256.HashData", "identifier 'subscriberId'", "span attribute 'billing.subscriber.bucket'"),
            VerifyCS.Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("SHA1.HashData", "identifier 'accountNumber'", "span attribute 'billing.account.bucket'"),
            VerifyCS.Diagnostic().WithLocation(3).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("HashCode.Combine", "identifier 'cardNumber'", "span attribute 'trip.timing_arm'"),
            VerifyCS.Diagnostic().WithLocation(4).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("String.GetHashCode", "identifier 'cardNumber'", "span attribute 'trip.ab_arm'"));
    }

    [Fact]
    public async Task An_hmac_whose_key_is_written_in_the_code_is_an_unkeyed_hash_and_one_with_a_configured_key_is_not()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Loyalty
            {
                private const string LoyaltyKey = "loyalty-2024";
                private static readonly byte[] ShardSalt = Encoding.UTF8.GetBytes("ward-board");
                private readonly byte[] _configuredKey;

                Loyalty(byte[] configuredKey) => _configuredKey = configuredKey;

                void Record(Activity activity, string email, string hospitalNumber)
                {
                    using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(LoyaltyKey));
                    activity.SetTag("loyalty.member", {|#0:Convert.ToHexString(hmac.ComputeHash(Encoding.UTF8.GetBytes(email)))|});
                    activity.SetTag("bed.board.column", {|#1:HMACSHA256.HashData(ShardSalt, Encoding.UTF8.GetBytes(hospitalNumber))[0] % 4|});
                    activity.SetTag("loyalty.member", {|#2:Convert.ToHexString(HMACSHA256.HashData("k"u8.ToArray(), Encoding.UTF8.GetBytes(email)))|});
                    activity.SetTag("loyalty.member", Convert.ToHexString(HMACSHA256.HashData(_configuredKey, Encoding.UTF8.GetBytes(email))));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("HashAlgorithm.ComputeHash with a key written in the code", "identifier 'email'", "span attribute 'loyalty.member'"),
            VerifyCS.Diagnostic().WithLocation(1).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("HMACSHA256.HashData with a key written in the code", "identifier 'hospitalNumber'", "span attribute 'bed.board.column'"),
            VerifyCS.Diagnostic().WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("HMACSHA256.HashData with a key written in the code", "identifier 'email'", "span attribute 'loyalty.member'"));
    }

    [Fact]
    public async Task The_first_bytes_of_an_unkeyed_digest_are_still_that_hash()
    {
        await VerifyCS.AnalyzerAsync(Usings + """
            class Labs
            {
                void Record(Activity activity, string nhsNumber, byte[] payload)
                {
                    var digest = SHA256.HashData(Encoding.UTF8.GetBytes(nhsNumber));
                    activity.SetTag("lab.subject", {|#0:Convert.ToHexString(digest[..8])|});
                    activity.SetTag("lab.payload", Convert.ToHexString(SHA256.HashData(payload)[..8]));
                }
            }
            """,
            VerifyCS.Diagnostic().WithLocation(0).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithArguments("SHA256.HashData", "identifier 'nhsNumber'", "span attribute 'lab.subject'"));
    }
}
