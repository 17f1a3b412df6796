using System.Collections.Immutable;
using SiteGen.Engine.Tests.Support;

namespace SiteGen.Engine.Tests;

/// <summary>
/// A <see cref="DocumentStore"/> gives a new process (here: a new cache and engine over the same file) what a module
/// made for every input it saw before, and never what it cannot check: a file on another basis, cut short, edited or
/// not a store at all costs the work again, with the same outputs.
/// </summary>
public sealed class DocumentStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sitegen-store-").FullName;

    private string StorePath => Path.Combine(_folder, "documents");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly DocumentCodec Codec = new DocumentCodec().Add<Box>(Box.Key, (w, b) => w.Write(b.Text), r => new Box(r.ReadString()));

    private static ImmutableArray<Document> Inputs(int count, int size = 10) =>
        [.. Enumerable.Range(0, count).Select(i => Document.Create(source: $"d{i}", content: new string((char)('a' + i % 26), size)))];

    [Fact]
    public async Task ANewProcessReusesEveryOutputAndWarningWithoutRunningTheModule()
    {
        var inputs = Inputs(3);
        var first = await Build(new Upper(), inputs);

        var again = new Upper();
        var second = await Build(again, inputs);

        Assert.Equal(0, again.Calls);
        Assert.Equal(Describe(first.Documents), Describe(second.Documents));
        // A key the codec knows is read back as the codec's own string, not a copy for each document.
        Assert.All(second.Documents, d => Assert.Same(Box.Key, d.Metadata.Keys.Single(k => k == Box.Key)));
        Assert.Equal(first.Warnings.Order(StringComparer.Ordinal), second.Warnings.Order(StringComparer.Ordinal));
        Assert.Contains("d1 is odd", second.Warnings);
    }

    [Fact]
    public async Task AnInputThatChangedIsMadeAgainAndTheOthersAreReused()
    {
        var inputs = Inputs(3);
        await Build(new Upper(), inputs);

        var again = new Upper();
        var changed = inputs.SetItem(1, Document.Create(source: "d1", content: "edited"));
        var second = await Build(again, changed);

        Assert.Equal(1, again.Calls);
        Assert.Equal("EDITED", second.Documents[1].GetRequired<Box>(Box.Key).Text);
        Assert.Equal(0, (await BuildCounting(changed)).Calls); // the new output was appended for the next process
    }

    [Fact]
    public async Task AKeyedInputWhoseWorkIsStoredIsNeverMadeAndItsOutputsShareItsContent()
    {
        var made = 0;
        ImmutableArray<Document> Keyed(params (string Text, ulong Key)[] contents) =>
            [.. contents.Select((c, i) => Document.CreateKeyed($"d{i}", c.Key, () => { Interlocked.Increment(ref made); return c.Text; }))];
        var first = await Build(new Upper(), Keyed(("ab", 1), ("cd", 2)));
        Assert.Equal(2, made); // the module read both

        made = 0;
        var again = new Upper();
        var second = await Build(again, Keyed(("ab", 1), ("cd", 2)));

        Assert.Equal((0, 0), (again.Calls, made));
        Assert.Equal(["AB", "CD"], second.Documents.Select(d => d.GetRequired<Box>(Box.Key).Text));
        Assert.Equal(0, made); // an output that shares its input's content does not make it to be read back
        Assert.Equal(Describe(first.Documents), Describe(second.Documents));
        Assert.Equal(2, made); // until it is read

        made = 0;
        var other = new Upper();
        await Build(other, Keyed(("ab", 1), ("cd", 3))); // another key is another content, whatever its text
        Assert.Equal((1, 1), (other.Calls, made));
    }

    [Fact]
    public async Task AStoreOnAnotherBasisIsNotUsedAndIsWrittenAgainOnTheNewOne()
    {
        var inputs = Inputs(3);
        await Build(new Upper(), inputs, basis: 1);

        var other = new Upper();
        await Build(other, inputs, basis: 2, expected: StoreState.OtherBasis);

        Assert.Equal(3, other.Calls);
        Assert.Equal(0, (await BuildCounting(inputs, basis: 2)).Calls);
    }

    [Theory]
    [InlineData(1)] // cut inside the last record
    [InlineData(27)] // cut inside the last record's header
    public async Task AFileCutShortGivesTheWholeRecordsAndMakesTheRestAgain(int cut)
    {
        var inputs = Inputs(3);
        var first = await Build(new Upper(), inputs);
        using (var file = File.OpenWrite(StorePath))
        {
            file.SetLength(file.Length - cut);
        }

        var again = new Upper();
        var second = await Build(again, inputs, expected: StoreState.Damaged);

        Assert.Equal(1, again.Calls);
        Assert.Equal(Describe(first.Documents), Describe(second.Documents));
        Assert.Equal(0, (await BuildCounting(inputs)).Calls); // written whole again
    }

    [Fact]
    public async Task ARecordEditedOnDiskFailsItsChecksumAndIsMadeAgain()
    {
        var inputs = Inputs(3);
        var first = await Build(new Upper(), inputs);
        var bytes = File.ReadAllBytes(StorePath);
        bytes[^2] ^= 0x20; // inside the last record's outputs
        File.WriteAllBytes(StorePath, bytes);

        var again = new Upper();
        var second = await Build(again, inputs, expected: StoreState.Damaged);

        Assert.Equal(1, again.Calls);
        Assert.Equal(Describe(first.Documents), Describe(second.Documents));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a store of documents at all")]
    public async Task AFileThatIsNotAStoreIsNotUsed(string text)
    {
        File.WriteAllText(StorePath, text);

        var module = new Upper();
        await Build(module, Inputs(3), expected: StoreState.Damaged);

        Assert.Equal(3, module.Calls);
        Assert.Equal(0, (await BuildCounting(Inputs(3))).Calls);
    }

    [Fact]
    public async Task OutputsWithAValueNoCodecWritesAreNotStored()
    {
        var inputs = Inputs(2);
        await Build(new Upper(extra: new object()), inputs);

        var again = new Upper(extra: new object());
        await Build(again, inputs);

        Assert.Equal(2, again.Calls);
    }

    [Fact]
    public async Task AModuleThatDeclinesTheStoreRunsInEveryProcess()
    {
        var inputs = Inputs(2);
        await Build(new Upper(store: false), inputs);

        var again = new Upper(store: false);
        await Build(again, inputs);

        Assert.Equal(2, again.Calls);
        Assert.False(File.Exists(StorePath) && new FileInfo(StorePath).Length > 16);
    }

    [Fact]
    public async Task VerifyModeFailsWhenAModuleMakesOtherOutputsThanTheStoredOnes()
    {
        var inputs = Inputs(1); // one: with more, whichever input a thread checks first is the one named
        await Build(new Upper(), inputs);

        // A module that reads something it did not declare: its outputs change while its input does not.
        var changed = new Upper(suffix: "!");
        var failure = await Assert.ThrowsAsync<PipelineFailedException>(() => Build(changed, inputs, verify: true));

        Assert.IsType<StoredWorkMismatchException>(failure.InnerException);
        Assert.Contains("d0", failure.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyModePassesWhenTheOutputsAreTheSame()
    {
        var inputs = Inputs(2);
        var first = await Build(new Upper(), inputs);

        var again = new Upper();
        var second = await Build(again, inputs, verify: true);

        Assert.Equal(2, again.Calls); // run the full way as well
        Assert.Equal(Describe(first.Documents), Describe(second.Documents));
    }

    [Fact]
    public async Task WhatAModuleDeclaresItReadsDecidesWhetherAChangeOfTheHostsBasisMakesItsWorkAgain()
    {
        var inputs = Inputs(2);
        await Build(new Upper(madeWith: 7), inputs, hostBasis: 1);
        await Build(new Upper(), inputs, hostBasis: 1);

        var declared = new Upper(madeWith: 7); // reads something that did not change
        await Build(declared, inputs, hostBasis: 2);
        var undeclared = new Upper(); // may read anything of the host's
        await Build(undeclared, inputs, hostBasis: 2);
        var changed = new Upper(madeWith: 8); // reads something that changed
        await Build(changed, inputs, hostBasis: 2);

        Assert.Equal(0, declared.Calls);
        Assert.Equal(2, undeclared.Calls);
        Assert.Equal(2, changed.Calls);
    }

    [Fact]
    public async Task VerifyModeAlsoMakesAgainWhatTheLastRunInMemoryLeftAndFailsOnADifference()
    {
        var inputs = Inputs(2);
        var module = new Upper();
        var cache = new DocumentCache { Codec = Codec, Verify = true };
        var engine = new Engine([new Pipeline("Papers") { Input = [Step.Return(inputs)], Process = [module] }]) { Cache = cache };
        await engine.ExecuteWithinTimeoutAsync();
        await engine.ExecuteWithinTimeoutAsync();
        Assert.Equal(4, module.Calls); // the second run reused both, and made them again to compare

        module.Suffix = "!"; // what it reads besides its input changed, and it did not say so
        var failure = await Assert.ThrowsAsync<PipelineFailedException>(engine.ExecuteWithinTimeoutAsync);

        Assert.IsType<StoredWorkMismatchException>(failure.InnerException);
    }

    [Fact]
    public async Task RecordsNoBuildUsesAreDroppedOnceTheyOutweighAQuarterOfTheFile()
    {
        var all = Inputs(300, size: 8_000); // 2.4 MB: more unused than the store lets be
        await Build(new Upper(), all);
        var full = new FileInfo(StorePath).Length;

        await Build(new Upper(), all[..10]);
        var kept = new FileInfo(StorePath).Length;

        // The ten records: each holds its box (8,000 characters); the content is the input's, so it is not stored again.
        Assert.InRange(kept, 10 * 8_000, 10 * 8_100);
        Assert.True(full > 300 * 8_000);
        Assert.Equal(0, (await BuildCounting(all[..10])).Calls);
        Assert.Equal(290, (await BuildCounting(all)).Calls);
    }

    [Fact]
    public async Task ABuildThatMakesNothingNewWritesNothing()
    {
        var inputs = Inputs(3);
        await Build(new Upper(), inputs);
        var written = File.GetLastWriteTimeUtc(StorePath);
        var length = new FileInfo(StorePath).Length;
        File.SetLastWriteTimeUtc(StorePath, written.AddHours(-1));

        await Build(new Upper(), inputs);

        Assert.Equal(written.AddHours(-1), File.GetLastWriteTimeUtc(StorePath));
        Assert.Equal(length, new FileInfo(StorePath).Length);
    }

    [Fact]
    public async Task NewRecordsOfABuildThatStoppedBeforeSavingAreNeverUsed()
    {
        var inputs = Inputs(3);
        await Build(new Upper(), inputs);
        // A build made new records and was killed before it saved: they stay beside the store, unknown.
        File.WriteAllText(StorePath + ".new", "half a record");

        var again = new Upper();
        await Build(again, inputs);

        Assert.Equal(0, again.Calls);
        Assert.False(File.Exists(StorePath + ".new"));
    }

    private async Task<Upper> BuildCounting(ImmutableArray<Document> inputs, ulong basis = 1)
    {
        var module = new Upper();
        await Build(module, inputs, basis);
        return module;
    }

    [Fact]
    public void AStoredValueIsMadeOnceAndReadByTheNextProcessByItsKeyUnlessItDoesNotDecode()
    {
        var makes = 0;
        string Stored(UInt128 key, string made, bool verify = false, Func<ArraySegment<byte>, string>? decode = null)
        {
            using var store = DocumentStore.Open(StorePath, 1, new DiskFiles());
            var cache = new DocumentCache { Store = store, Verify = verify };
            var value = cache.StoredOrMade("words", () => key, () => { makes++; return made; }, v => System.Text.Encoding.UTF8.GetBytes(v),
                decode ?? (b => System.Text.Encoding.UTF8.GetString(b)));
            store.Save();
            return value;
        }

        Assert.Equal("first", Stored(1, "first"));
        Assert.Equal("first", Stored(1, "made again")); // the next process reads it: make is not called
        Assert.Equal(1, makes);
        Assert.Equal("other", Stored(2, "other")); // another key is another value
        Assert.Equal(2, makes);
        var mismatch = Assert.Throws<StoredWorkMismatchException>(() => Stored(1, "not what was stored", verify: true));
        Assert.Equal("words", mismatch.Module);
        // A record that checks but does not decode (a reader that changed without the program's fingerprint) is made again.
        Assert.Equal("made again", Stored(1, "made again", decode: _ => throw new InvalidDataException("not words")));
        Assert.Equal(4, makes);
        // ... and stored in its place: the next process reads what was made again.
        Assert.Equal("made again", Stored(1, "made a third time"));
        Assert.Equal(4, makes);
    }

    [Fact]
    public void ValuesReadBackInAnyOrderFromManyStoresAreTheOnesStored()
    {
        // Far more than one read of the file (records of 1 to 2,000 bytes, a megabyte in all), so that records are read
        // across, inside and before the stretch of the file the last read brought in, from two stores in turn.
        static string Value(int store, int i) => $"{store}:{i}:" + new string((char)('a' + (i % 26)), i * 37 % 2000);
        const int Count = 1000;
        var paths = new[] { StorePath, StorePath + "-2" };
        for (var s = 0; s < paths.Length; s++)
        {
            using var store = DocumentStore.Open(paths[s], 1, new DiskFiles());
            var cache = new DocumentCache { Store = store };
            for (var i = 0; i < Count; i++)
            {
                cache.StoredOrMade("v", () => (UInt128)i, () => Value(s, i), v => System.Text.Encoding.UTF8.GetBytes(v), b => System.Text.Encoding.UTF8.GetString(b));
            }
            store.Save();
        }
        using var first = DocumentStore.Open(paths[0], 1, new DiskFiles());
        using var second = DocumentStore.Open(paths[1], 1, new DiskFiles());
        var caches = new[] { new DocumentCache { Store = first }, new DocumentCache { Store = second } };
        int[][] orders = [[.. Enumerable.Range(0, Count)], [.. Enumerable.Range(0, Count).Reverse()], [.. Enumerable.Range(0, Count).Select(i => i * 389 % Count)]];

        foreach (var order in orders)
        {
            // Each store in turn, so that the second reads the same stretches of its file as the first just did of its own.
            for (var s = 0; s < caches.Length; s++)
            {
                foreach (var i in order)
                {
                    Assert.Equal(Value(s, i), caches[s].StoredOrMade("v", () => (UInt128)i, () => "made again", v => System.Text.Encoding.UTF8.GetBytes(v),
                        b => System.Text.Encoding.UTF8.GetString(b)));
                }
            }
        }
        Assert.Equal(StoreState.Whole, first.State);
    }

    [Fact]
    public void AStoredValueKeptWithoutBeingReadOutlivesTheDroppingOfUnreadOnes()
    {
        var megabyte = new string('a', 1 << 20);
        var makes = 0;
        void Process(Action<DocumentCache> work)
        {
            using var store = DocumentStore.Open(StorePath, 1, new DiskFiles());
            work(new DocumentCache { Store = store });
            store.Save();
        }
        void Value(DocumentCache cache, UInt128 key) => cache.StoredOrMade("value", () => key, () => { makes++; return $"{megabyte}{key}"; },
            v => System.Text.Encoding.UTF8.GetBytes(v), b => System.Text.Encoding.UTF8.GetString(b));

        Process(cache => { Value(cache, 1); Value(cache, 2); Value(cache, 3); });
        // The third is neither read nor kept: a megabyte unread, more than a quarter of the two read or kept, so it is dropped.
        Process(cache => { Value(cache, 1); cache.KeepStored(2); cache.KeepStored(4); });

        Assert.InRange(new FileInfo(StorePath).Length, 2 * megabyte.Length, 2 * megabyte.Length + 200);
        Process(cache => { Value(cache, 1); Value(cache, 2); Value(cache, 3); });
        Assert.Equal(4, makes); // the three, then the third again
    }

    [Fact]
    public async Task AStoresStateIsToldByItsHeaderBeforeItIsOpened()
    {
        Assert.Equal(StoreState.Missing, DocumentStore.StateOf(StorePath, 1));
        await Build(new Upper(), Inputs(3));

        Assert.Equal(StoreState.Whole, DocumentStore.StateOf(StorePath, 1));
        Assert.Equal(StoreState.OtherBasis, DocumentStore.StateOf(StorePath, 2));
        File.WriteAllText(StorePath, "not a store");
        Assert.Equal(StoreState.Damaged, DocumentStore.StateOf(StorePath, 1));
    }

    [Fact]
    public void AValueKeptUnderANameIsReadByTheNextProcessAsTheLastOneKeptAndTheOnesItReplacedAreDropped()
    {
        var megabyte = new string('a', 1 << 20);
        string? Latest(string? keep = null)
        {
            using var store = DocumentStore.Open(StorePath, 1, new DiskFiles());
            var cache = new DocumentCache { Store = store };
            var latest = cache.Latest("numbering", reader => reader.ReadString());
            if (keep is not null)
            {
                cache.Keep("numbering", () => WithLength(keep));
            }
            store.Save();
            return latest;
        }

        Assert.Null(Latest(keep: megabyte + "1"));
        Assert.Equal(megabyte + "1", Latest(keep: megabyte + "2"));
        Assert.True(new FileInfo(StorePath).Length > 2 * megabyte.Length, "both kept values are in the file");
        Assert.Equal(megabyte + "2", Latest());
        // The value the second replaced counts as unused: a megabyte, more than a quarter of the file, so it is dropped.
        Assert.InRange(new FileInfo(StorePath).Length, megabyte.Length, megabyte.Length + 100);
        Assert.Equal(megabyte + "2", Latest());
    }

    [Fact]
    public async Task AValueKeptIsMadeBesideTheBuildTheSaveWaitsForItAndOneThatFailsFailsTheSave()
    {
        using (var store = DocumentStore.Open(StorePath, 1, new DiskFiles()))
        {
            using var made = new ManualResetEventSlim();
            new DocumentCache { Store = store }.Keep("late", () =>
            {
                made.Wait();
                return WithLength("made late");
            });
            var saving = Task.Run(store.Save);

            Assert.NotSame(saving, await Task.WhenAny(saving, Task.Delay(200)));
            made.Set();
            await saving;
        }
        using (var store = DocumentStore.Open(StorePath, 1, new DiskFiles()))
        {
            Assert.Equal("made late", new DocumentCache { Store = store }.Latest("late", reader => reader.ReadString()));
        }

        using var failing = DocumentStore.Open(StorePath, 1, new DiskFiles());
        new DocumentCache { Store = failing }.Keep("broken", () => throw new InvalidOperationException("a bug"));
        Assert.Equal("a bug", Assert.Throws<InvalidOperationException>(failing.Save).Message);
    }

    /// <summary>
    /// A store is opened from the table of contents its last save left beside it. Through every way a save changes the
    /// file (new records appended, values made again under their keys, the file written again without the unread ones,
    /// a first file), a store opened from it reads exactly what one opened by walking the file reads.
    /// </summary>
    [Fact]
    public void AStoreOpenedFromItsTableOfContentsReadsWhatAWalkOfTheFileReads()
    {
        var big = new string('b', 600_000);
        // Each process: the keys it reads or makes (a value made for the first time is stored), the value it makes, and a
        // key whose stored value it does not read (a reader that changed), so it makes it again under the same key.
        (int[] Keys, string Made, int Unreadable)[] processes =
        [
            ([1, 2, 3, 4, 5], "first", 0),        // a first file: the new records take its place
            ([1, 2, 3, 6, 7], "second", 0),       // two new records appended; 4 and 5 unread, kept
            ([2, 8], "third", 0),                 // most of the file unread: written again with the one record read, and the new one
            ([8, 9, 10, 11], "fourth", 0),        // appended again
            ([8, 9, 10, 11], "fifth", 9),         // 9 made again: its new record replaces the old one, which stays in the file
            ([8, 9, 10, 11], "sixth", 0),         // nothing new: the file and its table of contents as they were
        ];
        var everyKey = processes.SelectMany(p => p.Keys).Distinct().ToArray();
        foreach (var (keys, made, unreadable) in processes)
        {
            using (var store = DocumentStore.Open(StorePath, 1, new DiskFiles()))
            {
                var cache = new DocumentCache { Store = store };
                foreach (var key in keys)
                {
                    cache.StoredOrMade("v", () => (UInt128)key, () => $"{made}:{key}:{(key % 3 == 0 ? big : "")}",
                        v => System.Text.Encoding.UTF8.GetBytes(v),
                        b => key == unreadable ? throw new InvalidDataException("not read") : System.Text.Encoding.UTF8.GetString(b));
                }
                store.Save();
            }
            Assert.True(File.Exists(StorePath + ".index"), $"a table of contents after the {made} process");

            var fromIndex = ReadAll(everyKey, fromIndex: true);
            File.Delete(StorePath + ".index");
            var walked = ReadAll(everyKey, fromIndex: false);
            Assert.Equal(walked, fromIndex);
            Assert.True(keys.All(walked.ContainsKey), $"{made}: {string.Join(",", walked.Keys)} of {string.Join(",", keys)}");
            // Opened once more, the walk's store leaves a table of contents too, which the next process reads.
            Assert.True(File.Exists(StorePath + ".index"));
        }

        Dictionary<int, string> ReadAll(int[] keys, bool fromIndex)
        {
            using var store = DocumentStore.Open(StorePath, 1, new DiskFiles());
            Assert.Equal(fromIndex, store.OpenedFromIndex);
            var read = new Dictionary<int, string>();
            var cache = new DocumentCache { Store = store };
            foreach (var key in keys)
            {
                // A value not stored is not made either: the encoder declines it, so the reading leaves the file as it was.
                var value = cache.StoredOrMade("v", () => (UInt128)key, () => "", v => throw new NotSupportedException(), b => System.Text.Encoding.UTF8.GetString(b));
                if (value.Length > 0)
                {
                    read[key] = value;
                }
            }
            Assert.Equal(StoreState.Whole, store.State);
            store.Save();
            return read;
        }
    }

    /// <summary>
    /// The table of contents is only ever taken for the file it was written for: another file's of the same length (one
    /// copied over by hand) finds each record's own header naming another key, so its values are made again, never read
    /// as another key's; one changed by a byte does not check, and the file is walked; and a record whose header is
    /// damaged costs that record alone, where a walk of the file stops there.
    /// </summary>
    /// <summary>
    /// A key a build adds more than once (the same value made twice) is its last record, whether the next process opens
    /// the store from its table of contents or walks the file; the records it replaced count as unused, so the next
    /// build that finds them outweighing a quarter of the file drops them.
    /// </summary>
    [Fact]
    public void AKeyAddedTwiceInOneBuildIsItsLastRecordAndTheEarlierOnesAreUnused()
    {
        var big = new string('x', 600_000);
        using (var store = DocumentStore.Open(StorePath, 1, new DiskFiles()))
        {
            store.Add(1, Bytes("first" + big));
            store.Add(2, Bytes("two"));
            store.Add(1, Bytes("second" + big));
            store.Add(3, Bytes("three"));
            store.Add(1, Bytes("last"));
            store.Save();
        }
        Assert.True(new FileInfo(StorePath).Length > 2 * big.Length, "every record is in the file");

        // Opened from its table of contents, every record read: the replaced ones outweigh a quarter of the file (1.2 MB
        // against a few bytes), so the save writes it again without them.
        ReadBack(fromIndex: true);
        Assert.InRange(new FileInfo(StorePath).Length, 1, 200);
        File.Delete(StorePath + ".index");
        ReadBack(fromIndex: false);

        void ReadBack(bool fromIndex)
        {
            using var store = DocumentStore.Open(StorePath, 1, new DiskFiles());
            Assert.Equal(fromIndex, store.OpenedFromIndex);
            Assert.Equal(["last", "two", "three"], new UInt128[] { 1, 2, 3 }.Select(key => Text(store.Read(key, out _))));
            store.Save();
        }

        static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);
        static string? Text(ArraySegment<byte>? record) => record is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;
    }

    [Fact]
    public void ATableOfContentsOfAnotherFileGivesNoValueOfAnotherKeyAndADamagedHeaderCostsOneRecord()
    {
        var makes = 0;
        string Value(DocumentCache cache, int key, string made) => cache.StoredOrMade("v", () => (UInt128)key, () => { makes++; return made; },
            v => System.Text.Encoding.UTF8.GetBytes(v), b => System.Text.Encoding.UTF8.GetString(b));
        void Process(string path, Action<DocumentCache> work)
        {
            using var store = DocumentStore.Open(path, 1, new DiskFiles());
            work(new DocumentCache { Store = store });
            store.Save();
        }

        // Two files of one length, the same values under other keys: the second's table of contents copied over the first's.
        Process(StorePath, cache => { Value(cache, 1, "one"); Value(cache, 2, "two"); });
        Process(StorePath + "-other", cache => { Value(cache, 2, "one"); Value(cache, 1, "two"); });
        Assert.Equal(new FileInfo(StorePath).Length, new FileInfo(StorePath + "-other").Length);
        File.Copy(StorePath + "-other.index", StorePath + ".index", overwrite: true);
        makes = 0;
        Process(StorePath, cache => Assert.Equal(["made 1", "made 2"], new[] { Value(cache, 1, "made 1"), Value(cache, 2, "made 2") }));
        Assert.Equal(2, makes);

        // A table of contents changed by a byte (the place of a record) does not check: the file is walked instead.
        File.Delete(StorePath + ".index");
        Process(StorePath, cache => Value(cache, 1, "made"));
        var index = File.ReadAllBytes(StorePath + ".index");
        index[36 + 28] ^= 0x01;
        File.WriteAllBytes(StorePath + ".index", index);
        using (var store = DocumentStore.Open(StorePath, 1, new DiskFiles()))
        {
            Assert.False(store.OpenedFromIndex);
            Assert.Equal("made 1", Value(new DocumentCache { Store = store }, 1, "made again"));
        }

        // Three records, the second's header damaged (its length): with the table of contents, the first and third are read.
        File.Delete(StorePath);
        File.Delete(StorePath + ".index");
        Process(StorePath, cache => { Value(cache, 1, "one"); Value(cache, 2, "two"); Value(cache, 3, "three"); });
        var bytes = File.ReadAllBytes(StorePath);
        var second = 16 + 28 + System.Text.Encoding.UTF8.GetByteCount("one");
        bytes[second + 3] = 0x7f; // a length far past the end of the file
        File.WriteAllBytes(StorePath, bytes);
        makes = 0;
        Process(StorePath, cache => Assert.Equal(["one", "made", "three"], new[] { Value(cache, 1, "made"), Value(cache, 2, "made"), Value(cache, 3, "made") }));
        Assert.Equal(1, makes);
    }

    /// <summary>A text as <see cref="BinaryWriter.Write(string)"/> writes it.</summary>
    private static byte[] WithLength(string text)
    {
        using var bytes = new MemoryStream();
        using (var writer = new BinaryWriter(bytes))
        {
            writer.Write(text);
        }
        return bytes.ToArray();
    }

    [Fact]
    public void WithoutAStoreAValueIsMadeWithoutItsKey()
    {
        var cache = new DocumentCache();

        var value = cache.StoredOrMade("words", () => throw new InvalidOperationException("the key was hashed"), () => "made",
            v => System.Text.Encoding.UTF8.GetBytes(v), b => System.Text.Encoding.UTF8.GetString(b));

        Assert.Equal("made", value);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task AOneOffBuildsStoreLendsItsReadersStretchesOfItsFileAndASessionsStoreDoesNot(bool remembers, bool lends)
    {
        var inputs = Inputs(2, size: 40);
        await Build(new Upper(), inputs);
        // The box's text is read as the place of its bytes in the file when the reader lends them.
        var codec = new DocumentCodec().Add<Box>(Box.Key, (w, b) => w.Write(b.Text), reader =>
        {
            var count = reader.Read7BitEncodedInt();
            if (reader is IStoredBytesReader lender && lender.TryLend(count, out var file, out var offset))
            {
                var bytes = new byte[count];
                file.Read(offset, bytes);
                return new Box(System.Text.Encoding.UTF8.GetString(bytes)) { Lent = true };
            }
            return new Box(System.Text.Encoding.UTF8.GetString(reader.ReadBytes(count)));
        });

        using var store = DocumentStore.Open(StorePath, 1, new DiskFiles());
        var module = new Upper();
        var engine = new Engine([new Pipeline("Papers") { Input = [Step.Return(inputs)], Process = [module] }])
        {
            Cache = new DocumentCache { RemembersRuns = remembers, Codec = codec, Store = store },
        };
        var boxes = (await engine.ExecuteWithinTimeoutAsync())["Papers"].Documents.Select(d => d.GetRequired<Box>(Box.Key)).ToArray();

        Assert.Equal(0, module.Calls);
        Assert.Equal([new string('A', 40), new string('B', 40)], boxes.Select(b => b.Text));
        Assert.All(boxes, box => Assert.Equal(lends, box.Lent));
    }

    /// <summary>One build in a new process: a new cache, the store opened, the engine run, the store saved.</summary>
    private async Task<(ImmutableArray<Document> Documents, ImmutableArray<string> Warnings)> Build(Upper module, ImmutableArray<Document> inputs,
        ulong basis = 1, StoreState? expected = null, bool verify = false, ulong hostBasis = 0)
    {
        using var store = DocumentStore.Open(StorePath, basis, new DiskFiles());
        var cache = new DocumentCache { RemembersRuns = false, Codec = Codec, Store = store, Verify = verify, Basis = hostBasis };
        var engine = new Engine([new Pipeline("Papers") { Input = [Step.Return(inputs)], Process = [module] }]) { Cache = cache };
        var result = await engine.ExecuteWithinTimeoutAsync();
        if (expected is { } state)
        {
            Assert.Equal(state, store.State);
        }
        store.Save();
        return (result["Papers"].Documents, result.Warnings);
    }

    private static IEnumerable<string> Describe(ImmutableArray<Document> documents) =>
        documents.Select(d => $"{d.Source}|{d.Destination}|{d.Content}|{d.Get<Box>(Box.Key)?.Text}|{string.Join(',', d.Metadata.Keys.Order(StringComparer.Ordinal))}");

    private sealed record Box(string Text)
    {
        public const string Key = "Box";

        /// <summary>Read from the place the store's reader lent, not from its copy of the record.</summary>
        public bool Lent { get; init; }
    }

    /// <summary>Puts each input's content in upper case into a <see cref="Box"/>; warns of every odd-numbered input.</summary>
    private sealed class Upper(object? extra = null, bool store = true, string suffix = "", ulong? madeWith = null) : PerDocumentModule
    {
        protected override ulong? MadeWith(IExecutionContext context) => madeWith;

        private int _calls;

        public int Calls => _calls;

        public string Suffix { get; set; } = suffix;

        protected override bool OutputDependsOnlyOnInput => true;

        protected override bool StoreOutputs => store;

        protected override IEnumerable<Document> Execute(Document input, IExecutionContext context)
        {
            Interlocked.Increment(ref _calls);
            if (int.Parse(input.Source![1..], System.Globalization.CultureInfo.InvariantCulture) % 2 == 1)
            {
                context.Warn($"{input.Source} is odd");
            }
            var output = input.WithDestination(input.Source + ".html").With(Box.Key, new Box(input.Content.ToUpperInvariant() + Suffix));
            yield return extra is null ? output : output.With("Extra", extra);
        }
    }

    private sealed class DiskFiles : IStoreFiles
    {
        public Stream CreateNew(string path) => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);

        public Stream OpenAppend(string path) => new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);

        public void WriteAtomically(string path, Action<Stream> write)
        {
            using (var stream = new FileStream(path + ".partial", FileMode.Create, FileAccess.Write))
            {
                write(stream);
            }
            File.Move(path + ".partial", path, overwrite: true);
        }

        public void Replace(string source, string destination) => File.Move(source, destination, overwrite: true);

        public void Delete(string path) => File.Delete(path);
    }
}
