using SiteGen.Search;

namespace SiteGen.Tests.Search;

public sealed class SearchWordsTests
{
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        SearchWords.Split(text, word => words.Add(word.ToString()));
        return words;
    }

    [Fact]
    public void SplitsOnAnythingButLettersAndDigitsAndLowercases() =>
        Assert.Equal(["3d", "shape", "generation", "vit", "resnas", "gpt", "4o"], Words("3D shape-generation (ViT-ResNAS), GPT-4o!"));

    [Fact]
    public void LeavesOutStopWordsAndOneCharacterWords() =>
        Assert.Equal(["model", "learns", "images"], Words("The model of a learns x from images"));

    [Fact]
    public void FoldsAccentsAndLigatures() =>
        Assert.Equal(["cafe", "naive", "fi", "x²"], Words("Café naïve ﬁ x²"));

    [Fact]
    public void KeepsLettersOfOtherScripts() =>
        Assert.Equal(["模型", "обучение"], Words("模型, обучение"));

    [Fact]
    public void KeepsLettersBeyondTheBasicPlaneAndLeavesOutSymbols() =>
        Assert.Equal(["\U00020000\U00020001", "test"], Words("\U00020000\U00020001 test \U0001F600"));

    [Fact]
    public void SkipsUrlsOfTheAbstract() =>
        Assert.Equal(["code", "see"], Words("Code at <https://github.com/Tencent/FlashVDM> and see https://example.org/x."));

    [Fact]
    public void DropsRunsTooLongToBeWords() =>
        Assert.Equal(["short"], Words(new string('a', 100) + " short"));
}
