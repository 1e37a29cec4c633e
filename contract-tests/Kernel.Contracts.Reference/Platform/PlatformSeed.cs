using System;
using System.Collections.Generic;
using System.Linq;
using Bogus;
using System.Text.Json;
using Kernel.Platform.Server;
using Faked = Kernel.Contracts.Reference.Fakes.Platform;

namespace Kernel.Contracts.Reference.Platform;

/// <summary>Deterministic studies, datasets and participants, made with the generated Bogus fakers from <see cref="PlatformReferenceOptions.Seed"/>.</summary>
public static class PlatformSeed
{
    private static readonly string[] Experiments = ["resting-state", "finger-tapping", "n-back", "auditory-oddball", "visual-checkerboard"];
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Study id → its datasets.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<Dataset>> Create(PlatformReferenceOptions options)
    {
        var faker = new Faker { Random = new Randomizer(options.Seed) };
        var studies = new Dictionary<string, IReadOnlyList<Dataset>>(StringComparer.Ordinal)
        {
            [PlatformReferenceOptions.DemoStudyId] = Datasets(faker, options.DatasetsPerStudy, PlatformReferenceOptions.DemoDatasetId),
            [PlatformReferenceOptions.EmptyStudyId] = [],
        };
        for (var i = 0; i < options.ExtraStudies; i++)
        {
            studies[HexId(faker)] = Datasets(faker, options.DatasetsPerStudy, null);
        }

        return studies;
    }

    /// <summary>
    /// <paramref name="count"/> deterministic datasets for one study (the first with <paramref name="firstId"/> when
    /// given); all but the newest have finished recording.
    /// </summary>
    public static IReadOnlyList<Dataset> Study(int seed, int count, string? firstId) =>
        Datasets(new Faker { Random = new Randomizer(seed) }, count, firstId);

    /// <summary>32 lowercase hex digits.</summary>
    public static string HexId(Faker faker) => string.Concat(Enumerable.Range(0, 32).Select(_ => "0123456789abcdef"[faker.Random.Number(15)]));

    private static List<Dataset> Datasets(Faker faker, int count, string? firstId)
    {
        var participants = Enumerable.Range(1, Math.Max(1, count / 2)).Select(n => Participant(faker, n)).ToList();
        var datasets = new List<Dataset>();
        for (var i = 0; i < count; i++)
        {
            // The generated faker makes a dataset that validates against the schema; the seed then makes it tell a
            // coherent story: created, started a minute later, stopped up to an hour after that (the newest still
            // recording), with one of the study's participants.
            var fake = ToServer<Faked.Dataset, Dataset>(Faked.PlatformFakers.Dataset(faker), Faked.PlatformJsonTypeInfoResolver.Options, KernelPlatformJsonTypeInfoResolver.Options);
            var created = Epoch.AddMinutes(faker.Random.Int(0, 500_000));
            var started = created.AddSeconds(faker.Random.Int(1, 60));
            var recording = i == count - 1;
            datasets.Add(fake with
            {
                Id = i == 0 && firstId is not null ? firstId : fake.Id,
                Meta = faker.Random.Bool(0.8f)
                    ? new DatasetMeta { Name = "Session " + (i + 1), Description = faker.Lorem.Sentence(), Experiment = faker.PickRandom(Experiments) }
                    : new DatasetMeta(),
                Participant = faker.PickRandom(participants),
                CreatedDate = Seconds(created),
                StartedAt = Seconds(started),
                StoppedAt = recording ? null : Seconds(started.AddSeconds(faker.Random.Int(300, 3600))),
            });
        }

        return datasets;
    }

    private static Participant Participant(Faker faker, int number)
    {
        var fake = ToServer<Faked.Participant, Participant>(Faked.PlatformFakers.Participant(faker), Faked.PlatformJsonTypeInfoResolver.Options, KernelPlatformJsonTypeInfoResolver.Options);
        var pending = faker.Random.Bool(0.2f);
        return fake with
        {
            ParticipantId = "P-" + number.ToString("000", System.Globalization.CultureInfo.InvariantCulture),
            CreatedAt = Seconds(Epoch.AddDays(-faker.Random.Int(1, 90))),
            Active = !pending,
            Pending = pending,
            Status = pending ? "pending" : "active",
        };
    }

    /// <summary>A faked DTO as the server's own type: the same JSON, read by the stubs' codec.</summary>
    private static T ToServer<TFake, T>(TFake fake, JsonSerializerOptions fakeOptions, JsonSerializerOptions serverOptions) =>
        (T)JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(fake, fakeOptions.GetTypeInfo(typeof(TFake))), serverOptions.GetTypeInfo(typeof(T)))!;

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
