using TelemetryConventions.Analyzers.Infrastructure;
using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public class NameWordsTests
{
    [Theory]
    [InlineData("patientId", "patient id")]
    [InlineData("PatientID", "patient id")]
    [InlineData("patient_id", "patient id")]
    [InlineData("patient.id", "patient id")]
    [InlineData("_patientId", "patient id")]
    [InlineData("m_patientId", "patient id")]
    [InlineData("MRNNumber", "mrn number")]
    [InlineData("address2Line", "address 2 line")]
    [InlineData("", "")]
    public void Names_split_into_lower_case_words(string name, string words) =>
        Assert.Equal(words, string.Join(" ", NameWords.Split(name)));

    [Theory]
    [InlineData("patientId", true, "patient")]
    [InlineData("customer_email", true, "customer")]
    [InlineData("PlayerName", true, "player")]
    [InlineData("user", true, "user")]
    [InlineData("email", true, "email")]
    [InlineData("phoneNumber", true, "phone")]
    [InlineData("patientCount", false, "")]
    [InlineData("userAgent", false, "")]
    [InlineData("department", false, "")]
    [InlineData("profileName", true, "profile")]
    [InlineData("subscriberProfileName", true, "profile")]
    [InlineData("awsProfileName", false, "")]
    [InlineData("publishProfileName", false, "")]
    [InlineData("profileId", false, "")]
    [InlineData("storageAccountName", false, "")]
    [InlineData("HospitalNumber", true, "hospital")]
    [InlineData("hospitalId", false, "")]
    [InlineData("LoyaltyCard", true, "loyalty")]
    [InlineData("accessToken", true, "token")]
    [InlineData("rawToken", true, "token")]
    [InlineData("token", true, "token")]
    [InlineData("IdTag", true, "token")]
    [InlineData("id_token", true, "token")]
    [InlineData("continuationToken", false, "")]
    [InlineData("nextPageToken", false, "")]
    [InlineData("cancellationToken", false, "")]
    [InlineData("csrfToken", false, "")]
    [InlineData("tokenCount", false, "")]
    [InlineData("promptTokens", false, "")]
    [InlineData("IdTagInfo", false, "")]
    [InlineData("tokenId", false, "")]
    [InlineData("apiToken", false, "")]
    [InlineData("loyaltyNumber", true, "loyalty")]
    [InlineData("loyaltyTier", false, "")]
    [InlineData("RequestingClinician", true, "clinician")]
    [InlineData("SubjectId", true, "subject")]
    [InlineData("studySubjectNumber", true, "subject")]
    [InlineData("emailSubject", false, "")]
    [InlineData("subjectLine", false, "")]
    [InlineData("X-Patient-Id", true, "patient")]
    [InlineData("X-Correlation-Id", false, "")]
    [InlineData("FamilyName", true, "name")]
    [InlineData("firstName", true, "name")]
    [InlineData("lastNameLength", false, "")]
    [InlineData("FullName", false, "")]
    [InlineData("DisplayName", false, "")]
    [InlineData("RemoteIpAddress", true, "client.address")]
    [InlineData("clientIp", true, "client.address")]
    [InlineData("serverIp", false, "")]
    [InlineData("hostIpAddress", false, "")]
    [InlineData("ipCount", false, "")]
    [InlineData("LocalIpAddress", false, "")]
    [InlineData("hostGamertag", true, "gamertag")]
    public void Identifier_names_need_a_pattern_word_and_an_identity_word_or_nothing_after_it(string name, bool expected, string domain)
    {
        Assert.Equal(expected, TelemetryOptions.Default.IsIdentifierName(NameWords.Split(name), out var matched));
        Assert.Equal(domain, matched);
    }
}
