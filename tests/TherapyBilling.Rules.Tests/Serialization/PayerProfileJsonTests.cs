namespace TherapyBilling.Rules.Tests.Serialization;

public sealed class PayerProfileJsonTests
{
    [Fact]
    public void Default_Medicare_IsCmsWithCqCoKxAndTelehealthList()
    {
        Assert.True(PayerProfileJson.Default.TryGet("MEDICARE", out var m));
        Assert.Equal(UnitMethod.Cms, m.Method);
        Assert.True(m.RequireDisciplineModifier);
        Assert.True(m.ApplyNcciEdits);
        Assert.True(m.ApplyKxThreshold);
        Assert.Equal("medicare", m.DocumentationRequirements);
        Assert.Equal(new AssistantPolicy(new LocalDate(2020, 1, 1), 10, m.Assistants!.Source), m.Assistants);
        Assert.Equal(new[] { "02", "10" }, m.Telehealth!.PlacesOfService.AsEnumerable());
        Assert.Equal(new[] { Modifier.Telehealth95 }, m.Telehealth.RequiredModifiers.AsEnumerable());
        Assert.True(m.Telehealth.Allows(CptCode.Parse("97535"), new LocalDate(2026, 1, 30)));
        Assert.False(m.Telehealth.Allows(CptCode.Parse("97535"), new LocalDate(2026, 1, 31)));
        Assert.Contains("[M]", m.Telehealth.Codes[0].Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_Commercial_IsAmaWithoutMedicareRules()
    {
        Assert.True(PayerProfileJson.Default.TryGet("commercial", out var c));
        Assert.Equal(UnitMethod.Ama, c.Method);
        Assert.Null(c.Assistants);
        Assert.False(c.ApplyKxThreshold);
        Assert.False(c.ApplyNcciEdits);
        Assert.False(c.Telehealth!.RestrictCodes);
        Assert.Contains("[L]", c.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UserProfile_AllFields()
    {
        const string json = """
            {
              "version": "acme-1",
              "profiles": [
                { "id": "acme", "name": "Acme Health", "method": "ama", "requireDisciplineModifier": true,
                  "ncciEdits": true, "documentationRequirements": "basic", "kxThreshold": false, "requiresAuthorization": true,
                  "assistants": { "from": "2021-01-01", "deMinimisPercent": 15, "source": "contract" },
                  "telehealth": { "placesOfService": ["10"], "requiredModifiers": ["GT"], "restrictCodes": true,
                                  "codes": [ { "code": "97110", "from": "2021-01-01", "source": "contract" } ] } }
              ]
            }
            """;
        var set = PayerProfileJson.Parse(json, "acme.json");
        Assert.Equal(("acme-1", "acme.json"), (set.Version, set.Source));
        var p = Assert.Single(set.Profiles);
        Assert.True(p.RequiresAuthorization);
        Assert.Equal(15, p.Assistants!.DeMinimisPercent);
        Assert.True(p.Telehealth!.Allows(CptCode.Parse("97110"), new LocalDate(2030, 1, 1)));
        Assert.False(p.Telehealth.Allows(CptCode.Parse("97535"), new LocalDate(2030, 1, 1)));
    }

    [Theory]
    [InlineData("""{"version":"1","profiles":[{"id":"a","name":"A","method":"ceiling"}]}""", "$.profiles[0].method")]
    [InlineData("""{"version":"1","profiles":[{"id":"a","name":"A","kxTreshold":true}]}""", "$.profiles[0].kxTreshold")]
    [InlineData("""{"version":"1","profiles":[{"id":"a"}]}""", "$.profiles[0].name")]
    [InlineData("""{"version":"1","profiles":[{"id":"a","name":"A"},{"id":"A","name":"B"}]}""", "$.profiles[1].id")]
    [InlineData("""{"version":"1","profiles":[{"id":"a","name":"A","assistants":{"from":"2020-01-01","deMinimisPercent":101}}]}""", "$.profiles[0].assistants.deMinimisPercent")]
    [InlineData("""{"version":"1","profiles":[{"id":"a","name":"A","telehealth":{"placesOfService":["2"]}}]}""", "$.profiles[0].telehealth.placesOfService[0]")]
    [InlineData("""{"profiles":[]}""", "$.version")]
    public void Parse_Malformed_ThrowsWithPath(string json, string path)
    {
        var e = Assert.Throws<ReferenceDataException>(() => PayerProfileJson.Parse(json, "bad.json"));
        Assert.Contains(path + " must be", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NotJson_ThrowsWithLine()
    {
        var e = Assert.Throws<ReferenceDataException>(() => PayerProfileJson.Parse("{\n\"version\": ,\n}", "bad.json"));
        Assert.Equal(2, e.LineNumber);
    }

    [Fact]
    public void With_ReplacesProfileById()
    {
        var set = PayerProfileJson.Default.With([new PayerProfile("Medicare", "Custom") { Method = UnitMethod.Ama }]);
        Assert.Equal(2, set.Profiles.Length);
        Assert.True(set.TryGet("medicare", out var m));
        Assert.Equal(UnitMethod.Ama, m.Method);
        Assert.EndsWith("+custom", set.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void PublishedSchema_NamesEveryProfileField()
    {
        string root = Path.GetFullPath(Path.Combine(ProjectDir(), "..", ".."));
        string schema = File.ReadAllText(Path.Combine(root, "schemas", "payer-profile.schema.json"));
        foreach (var field in new[] { "\"method\"", "\"requireDisciplineModifier\"", "\"ncciEdits\"", "\"documentationRequirements\"", "\"assistants\"", "\"deMinimisPercent\"", "\"kxThreshold\"", "\"requiresAuthorization\"", "\"telehealth\"", "\"placesOfService\"", "\"requiredModifiers\"", "\"restrictCodes\"", "\"through\"" })
        {
            Assert.Contains(field, schema, StringComparison.Ordinal);
        }
    }

    internal static string ProjectDir() => typeof(PayerProfileJsonTests).Assembly
        .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
        .Cast<System.Reflection.AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDir").Value!;
}
